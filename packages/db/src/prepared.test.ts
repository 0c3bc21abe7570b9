/** @module Marked statements run as named prepared statements, planned once per connection; others stay unnamed. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREPARED, statementName } from "./prepared.js";
import { backends, createTestDatabase, type TestDatabase } from "./testing.js";

describe.each(backends())("prepared statements on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t.drop());

  it("prepares a marked statement once per connection and runs it with each call's values", async () => {
    const marked = (n: number) => sql<{ doubled: number }>`${PREPARED} SELECT ${n}::int * 2 AS doubled`;
    const name = statementName(marked(0).compile(t.db).sql);
    // One transaction: one connection, whose prepared statements the view lists.
    const seen = await t.db.transaction().execute(async (trx) => {
      const results = [];
      for (const n of [1, 2, 3]) results.push((await marked(n).execute(trx)).rows[0]?.doubled);
      await sql`SELECT ${"unmarked"}::text AS plain`.execute(trx);
      const prepared = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(trx);
      return { results, names: prepared.rows.map((r) => r.name) };
    });
    expect(seen.results).toEqual([2, 4, 6]);
    expect(seen.names).toEqual([name]);
  });

  it("names the same text the same way, and different texts differently", () => {
    expect(statementName("SELECT 1")).toBe(statementName("SELECT 1"));
    expect(statementName("SELECT 1")).not.toBe(statementName("SELECT 2"));
    expect(statementName("SELECT 1")).toMatch(/^keel_[0-9a-f]{20}$/);
  });
});
