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
    // Customer messages and replies are dated by the seed's clock; none may be ahead of it (notes written by
    // features take the database's time, which is the real now and so ahead of this test's clock).
    const future = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM messages
      WHERE direction <> 'note' AND created_at > ${deps.clock.now()}`.execute(t.db);
    expect(future.rows[0]?.n).toBe(0);
  });

  it("tells a coherent story: cases as old as their first message, promises on resolved cases kept", async () => {
    const clock = new ManualClock("2026-11-20T12:00:00Z");
    await seedDemo({ db: t.db, clock });
    const story = await sql<{ younger: number; overdue: number; keptOnResolved: number }>`
      SELECT (SELECT count(*)::int FROM cases c
               WHERE c.created_at > (SELECT min(m.created_at) FROM messages m WHERE m.case_id = c.id)) AS younger,
             (SELECT count(*)::int FROM promises p
               WHERE p.status = 'open' AND p.due_at < ${clock.now()}) AS overdue,
             (SELECT count(*)::int FROM promises p JOIN cases c ON c.id = p.case_id
               WHERE p.status = 'fulfilled' AND c.status IN ('resolved', 'closed')) AS "keptOnResolved"`.execute(
      t.db,
    );
    const row = story.rows[0];
    expect(row?.younger).toBe(0);
    // A few overdue promises (the promise demo's own, and open generated cases), not one per old reply.
    expect(row?.overdue).toBeGreaterThanOrEqual(1);
    expect(row?.overdue).toBeLessThanOrEqual(6);
    expect(row?.keptOnResolved).toBeGreaterThan(3);
  });
});
