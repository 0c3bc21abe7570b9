import { listAgents } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../clock.js";
import { DEMO_CASE_COUNT, seedDemo } from "./seed.js";

describe.each(backends())("demo seed on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it("seeds agents and analysed case threads once", async () => {
    const deps = { db: t.db, clock: new ManualClock("2026-11-20T12:00:00Z") };
    expect(await seedDemo(deps)).toBe(DEMO_CASE_COUNT);
    expect(await seedDemo(deps)).toBe(0);
    const agents = await listAgents(t.db);
    expect(agents.filter((a) => a.role === "agent").length).toBeGreaterThanOrEqual(3);
    expect(agents.map((a) => a.role)).toEqual(expect.arrayContaining(["supervisor", "admin"]));
    const stats = await sql<{
      cases: number;
      analysed: number;
      furious: number;
      poor: number;
      statuses: number;
    }>`
      SELECT (SELECT count(*)::int FROM cases) AS cases,
             (SELECT count(*)::int FROM messages WHERE direction <> 'note' AND analysis IS NOT NULL) AS analysed,
             (SELECT count(*)::int FROM messages WHERE (analysis->'result'->>'anger')::numeric >= 30) AS furious,
             (SELECT count(*)::int FROM messages WHERE (analysis->'result'->>'score')::numeric < 50) AS poor,
             (SELECT count(DISTINCT status)::int FROM cases) AS statuses`.execute(t.db);
    const row = stats.rows[0];
    // Features add their own demo cases (promises, wellbeing…) to the generated ones.
    expect(row?.cases).toBeGreaterThanOrEqual(DEMO_CASE_COUNT);
    expect(row?.analysed).toBeGreaterThan(DEMO_CASE_COUNT * 2);
    expect(row?.furious).toBeGreaterThan(3);
    expect(row?.poor).toBeGreaterThan(5);
    expect(row?.statuses).toBeGreaterThanOrEqual(5);
  });
});
