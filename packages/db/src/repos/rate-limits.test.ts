/** @module Shared rate-limit counters on every backend: windows, separate clients, concurrent servers, pruning. */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { countRateLimitHit, pruneRateLimitWindows, windowStart } from "./rate-limits.js";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

describe("windowStart", () => {
  it("aligns windows to the epoch", () => {
    expect(windowStart(at("2026-11-02T09:00:59.999Z"), MINUTE)).toEqual(at("2026-11-02T09:00:00Z"));
    expect(windowStart(at("2026-11-02T09:01:00Z"), MINUTE)).toEqual(at("2026-11-02T09:01:00Z"));
  });
});

describe.each(backends())("rate-limit windows on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const hit = (clientKey: string, iso: string, db: Kysely<Database> = t.db, bucket = "webform") =>
    countRateLimitHit(db, { bucket, clientKey, windowMs: MINUTE, now: at(iso) });

  it("counts hits per client and bucket within a window, and starts afresh in the next", async () => {
    expect(await hit("10.0.0.1", "2026-11-02T09:00:01Z")).toEqual({
      hits: 1,
      resetsAt: at("2026-11-02T09:01:00Z"),
    });
    expect((await hit("10.0.0.1", "2026-11-02T09:00:30Z")).hits).toBe(2);
    expect((await hit("10.0.0.2", "2026-11-02T09:00:30Z")).hits).toBe(1);
    expect((await hit("10.0.0.1", "2026-11-02T09:00:30Z", t.db, "login")).hits).toBe(1);
    expect((await hit("10.0.0.1", "2026-11-02T09:00:59Z")).hits).toBe(3);
    expect((await hit("10.0.0.1", "2026-11-02T09:01:00Z")).hits).toBe(1);
  });

  it("shares one count between servers hitting at the same time", async () => {
    const other = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 5 }) }),
    });
    try {
      const hits = await Promise.all(
        Array.from({ length: 20 }, (_, i) => hit("10.9.9.9", "2026-11-02T10:00:00Z", i % 2 ? other : t.db)),
      );
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    } finally {
      await other.destroy();
    }
  });

  it("prunes windows that have ended and keeps the current ones", async () => {
    await hit("10.0.0.5", "2026-11-02T11:00:10Z");
    await hit("10.0.0.5", "2026-11-02T11:01:10Z");
    const pruned = await pruneRateLimitWindows(t.db, at("2026-11-02T11:01:30Z"));
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await t.db.selectFrom("rate_limit_windows").selectAll().execute();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      client_key: "10.0.0.5",
      window_start: at("2026-11-02T11:01:00Z"),
      hits: 1,
    });
  });

  it("refuses a window that is not a positive whole number of milliseconds", async () => {
    await expect(
      countRateLimitHit(t.db, { bucket: "x", clientKey: "y", windowMs: 0, now: at("2026-11-02T09:00:00Z") }),
    ).rejects.toThrow(RangeError);
  });
});
