/** @module Stored settings keep what an admin saved when their fields are renamed to camelCase, and back. */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { down, up } from "./2026112610_setting_fields_camel_case.js";

const SNAKE = {
  wellbeing: { cooldown_minutes: 30, load_threshold: 55, half_life_hours: 6, auto_cooldown: true },
  routing: { auto_assign: false },
  abuse_policy: {
    warnings_before_ending: 2,
    warning_text: "Please keep this respectful so I can help.",
    closing_text: "I am ending this conversation; your case stays open.",
    other_channel: "email",
  },
  // A field the rename does not know is kept as it is.
  followups: { delay_days: 5, link_days: 14, note: "kept" },
};
const CAMEL = {
  wellbeing: { cooldownMinutes: 30, loadThreshold: 55, halfLifeHours: 6, autoCooldown: true },
  routing: { autoAssign: false },
  abuse_policy: {
    warningsBeforeEnding: 2,
    warningText: "Please keep this respectful so I can help.",
    closingText: "I am ending this conversation; your case stays open.",
    otherChannel: "email",
  },
  followups: { delayDays: 5, linkDays: 14, note: "kept" },
};
// Other keys are not touched, even where a field has a listed name.
const UNTOUCHED = { desk: { name: "Acme", delay_days: 1 }, promises: { reminderLeadMinutes: 60 } };

describe.each(backends())("settings' fields renamed to camelCase on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  // Migrations are written against no schema (the tables as they were then).
  const migrating = () => t.db as unknown as Kysely<unknown>;
  const stored = async () =>
    Object.fromEntries(
      (
        await sql<{ key: string; version: number; value: JsonValue }>`
          SELECT key, version, value FROM settings ORDER BY key, version`.execute(t.db)
      ).rows.map((row) => [`${row.key}@${row.version}`, row.value]),
    );

  it("renames every stored version's fields, keeps the rest, and renames them back down", async () => {
    const rows = Object.entries({ ...SNAKE, ...UNTOUCHED }).flatMap(([key, value]) => [
      { key, version: 1, value: JSON.stringify(value) },
      { key, version: 2, value: JSON.stringify(value) },
    ]);
    // A value that is not an object (written by hand) is left alone.
    rows.push({ key: "routing", version: 3, value: JSON.stringify("auto_assign") });
    for (const row of rows)
      await sql`INSERT INTO settings (key, version, value) VALUES (${row.key}, ${row.version}, ${row.value}::jsonb)`.execute(
        t.db,
      );
    const before = await stored();

    await up(migrating());
    const after = await stored();
    for (const [key, value] of Object.entries(CAMEL)) {
      expect(after[`${key}@1`]).toEqual(value);
      expect(after[`${key}@2`]).toEqual(value);
    }
    for (const [key, value] of Object.entries(UNTOUCHED)) expect(after[`${key}@2`]).toEqual(value);
    expect(after["routing@3"]).toBe("auto_assign");

    // Running it again changes nothing.
    await up(migrating());
    expect(await stored()).toEqual(after);

    await down(migrating());
    expect(await stored()).toEqual(before);
  });
});
