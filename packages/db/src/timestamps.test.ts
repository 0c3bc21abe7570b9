/** @module The fast timestamptz parser against the driver's, on made-up values and on PostgreSQL's own output. */
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "./testing.js";
import { parseTimestamptz } from "./timestamps.js";

const driverParse = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => unknown;

/** Both parsers' results as comparable values (a Date's time, or the value itself: null, ±Infinity). */
function same(text: string): void {
  const mine = parseTimestamptz(text);
  const theirs = driverParse(text);
  const value = (x: unknown) => (x instanceof Date ? `date ${x.getTime()}` : `value ${String(x)}`);
  expect(value(mine), text).toBe(value(theirs));
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("parseTimestamptz", () => {
  it("reads PostgreSQL's ISO output as the driver does", () => {
    for (const text of [
      "2026-11-26 11:43:05.576123+00",
      "2026-11-26 11:43:05+00",
      "2026-11-26 11:43:05.5+00",
      "2026-02-28 23:59:59.999999-07",
      "1999-12-31 23:00:00+05:30",
      "1888-06-01 00:00:00+00:53:28",
      "0100-01-01 00:00:00+00",
      "9999-12-31 23:59:59.999999+14",
    ])
      same(text);
  });

  it("equals the driver on 20,000 made-up values (every fraction length, offsets east and west)", () => {
    const random = numbers(42);
    const int = (below: number) => Math.floor(random() * below);
    for (let i = 0; i < 20_000; i++) {
      const fraction = int(7);
      const digits = fraction === 0 ? "" : `.${pad(int(10 ** fraction), fraction)}`;
      const offsetKind = int(4);
      const sign = int(2) === 0 ? "+" : "-";
      const offset =
        offsetKind === 0
          ? "+00"
          : offsetKind === 1
            ? `${sign}${pad(int(15), 2)}`
            : offsetKind === 2
              ? `${sign}${pad(int(15), 2)}:${pad(int(60), 2)}`
              : `${sign}${pad(int(15), 2)}:${pad(int(60), 2)}:${pad(int(60), 2)}`;
      same(
        `${pad(100 + int(9900), 4)}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)} ` +
          `${pad(int(24), 2)}:${pad(int(60), 2)}:${pad(int(60), 2)}${digits}${offset}`,
      );
    }
  });

  it("leaves what it does not read to the driver", () => {
    for (const text of [
      "infinity",
      "-infinity",
      "0044-03-15 12:00:00+00 BC",
      "12026-01-01 00:00:00+00",
      "0050-06-01 12:00:00+00",
      "2026-11-26 11:43:05.+00",
      "2026-11-26 11:43:05",
      "2026-11-26T11:43:05Z",
      "garbage but twenty-two characters long",
    ])
      same(text);
  });
});

describe.each(backends())("timestamptz read from %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("comes back as the driver would read it, in any session time zone", async () => {
    for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns", "Europe/Amsterdam"]) {
      await t.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('TimeZone', ${zone}, true)`.execute(trx);
        const { rows } = await sql<{ at: Date | number; text: string }>`
          SELECT v AS at, v::text AS text FROM unnest(ARRAY[
            '2026-11-26 11:43:05.576123+00', '1900-01-01 00:00:00+00', '2000-02-29 12:30:00.5+00',
            'infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '1888-06-01 00:00:00+00'
          ]::timestamptz[]) AS v`.execute(trx);
        for (const row of rows) {
          const expected = driverParse(row.text);
          if (expected instanceof Date) expect(row.at, `${zone} ${row.text}`).toEqual(expected);
          else expect(row.at, `${zone} ${row.text}`).toBe(expected);
        }
      });
    }
  });
});
