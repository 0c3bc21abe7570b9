/** @module Outcome figures per agent, team and topic: CSAT, fix-held rate and reopen rate over a window. */
import { createTeam } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { createCase } from "../cases/service.js";

describe.each(backends())("outcomes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let supervisor: Record<string, string>;
  let agentHeaders: Record<string, string>;
  let ana = "";
  let bo = "";
  let teamId = "";
  beforeAll(async () => {
    t = await createTestApp(backend);
    supervisor = (await agentWithToken(t, "supervisor")).headers;
    const first = await agentWithToken(t, "agent");
    const second = await agentWithToken(t, "agent");
    agentHeaders = first.headers;
    ana = first.agent.id;
    bo = second.agent.id;
    const team = await createTeam(t.deps.db, { name: "Billing" });
    if (!team.ok) throw new Error(team.error.message);
    teamId = team.value.id;
    const customer = await t.deps.db
      .insertInto("customers")
      .values({ name: "Kim" })
      .returningAll()
      .executeTakeFirstOrThrow();
    const kase = async (tags: string[]) => {
      const created = await createCase(t.deps, { subject: "Charged twice", customerId: customer.id, tags });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    };
    const followup = async (
      caseId: string,
      agentId: string | null,
      answer: { csat: number; fixHeld: boolean; outcome: "closed" | "reopened" } | "cancelled" | "waiting",
      createdAt = "2026-10-20T10:00:00Z",
    ) =>
      t.deps.db
        .insertInto("followups")
        .values({
          case_id: caseId,
          due_at: "2026-10-23T10:00:00Z",
          agent_id: agentId,
          team_id: agentId === ana ? teamId : null,
          created_at: createdAt,
          ...(answer === "waiting"
            ? { sent_at: "2026-10-23T10:00:00Z" }
            : answer === "cancelled"
              ? { cancelled_at: "2026-10-21T10:00:00Z", cancel_reason: "reopened" }
              : {
                  sent_at: "2026-10-23T10:00:00Z",
                  answered_at: "2026-10-24T10:00:00Z",
                  csat: answer.csat,
                  fix_held: answer.fixHeld,
                  outcome: answer.outcome,
                }),
        })
        .execute();
    await followup(await kase(["billing"]), ana, { csat: 5, fixHeld: true, outcome: "closed" });
    await followup(await kase(["billing", "refund"]), ana, { csat: 2, fixHeld: false, outcome: "reopened" });
    await followup(await kase(["refund"]), ana, "cancelled");
    await followup(await kase([]), bo, { csat: 4, fixHeld: true, outcome: "closed" });
    await followup(await kase(["billing"]), bo, "waiting");
    // Outside the window: not counted.
    await followup(
      await kase(["billing"]),
      bo,
      { csat: 1, fixHeld: false, outcome: "reopened" },
      "2026-09-01T10:00:00Z",
    );
  });
  afterAll(async () => t.close());

  const outcomes = (query: string, headers = supervisor) =>
    t.app.inject({ method: "GET", url: `/api/v1/analytics/outcomes?${query}`, headers });
  const window = "from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z";

  it("gives CSAT, fix-held and reopen rates per agent", async () => {
    const res = await outcomes(`groupBy=agent&${window}`);
    expect(res.statusCode).toBe(200);
    const byKey = new Map(res.json().groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey.get(ana)).toMatchObject({
      resolutions: 3,
      answered: 2,
      csatAverage: 3.5,
      csatCount: 2,
      fixHeldRate: 0.5,
      reopenRate: 2 / 3,
    });
    expect(byKey.get(bo)).toMatchObject({
      resolutions: 2,
      answered: 1,
      csatAverage: 4,
      fixHeldRate: 1,
      reopenRate: 0,
    });
    expect((byKey.get(ana) as { label: string }).label).toMatch(/^agent /);
  });

  it("groups by team and by topic (each tag of a case), untagged cases together", async () => {
    const teams = (await outcomes(`groupBy=team&${window}`)).json().groups;
    expect(teams.find((g: { key: string }) => g.key === teamId)).toMatchObject({
      label: "Billing",
      resolutions: 3,
    });
    expect(teams.find((g: { key: string | null }) => g.key === null)).toMatchObject({
      label: "no team",
      resolutions: 2,
    });
    const topics = (await outcomes(`groupBy=topic&${window}`)).json().groups;
    const topic = (key: string | null) => topics.find((g: { key: string | null }) => g.key === key);
    expect(topic("billing")).toMatchObject({ resolutions: 3, answered: 2, csatAverage: 3.5 });
    expect(topic("refund")).toMatchObject({ resolutions: 2, answered: 1, reopenRate: 1 });
    expect(topic(null)).toMatchObject({ label: "untagged", resolutions: 1, csatAverage: 4 });
  });

  it("is for supervisors, and says what to fix in a bad query", async () => {
    expect((await outcomes(`groupBy=agent&${window}`, agentHeaders)).statusCode).toBe(403);
    expect((await outcomes("groupBy=customer")).statusCode).toBe(400);
    const reversed = await outcomes("groupBy=team&from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain("from must be before to");
  });
});
