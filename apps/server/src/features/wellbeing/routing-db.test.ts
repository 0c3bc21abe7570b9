/** @module Fair routing against the database: skills, capacity, load and cooldown decide the assignee. */
import { activeCooldowns, getCase, insertCooldown } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { routingSetting } from "./settings.js";
import { ABUSIVE, CALM, customerWrites, setSetting } from "./wellbeing.test-support.js";

describe.each(backends())("fair routing on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(backend);
  });
  afterEach(async () => t.close());

  const assigneeOf = async (caseId: string) => {
    const kase = await getCase(t.deps.db, caseId);
    if (!kase.ok) throw new Error(kase.error.message);
    return kase.value.assignee_id;
  };

  it("spreads 10 hostile cases over 3 agents instead of piling them on one", async () => {
    const agents = await Promise.all([1, 2, 3].map(() => agentWithToken(t, "agent")));
    const counts = new Map<string, number>();
    for (let i = 0; i < 10; i++) {
      const { case: kase } = await customerWrites(t, ABUSIVE);
      const assignee = await assigneeOf(kase.id);
      expect(assignee).not.toBeNull();
      // The answer to the message shows the case as routing left it.
      expect(kase.assignee_id).toBe(assignee);
      counts.set(assignee as string, (counts.get(assignee as string) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(agents.map((a) => a.agent.id).sort());
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(3);
    for (const n of counts.values()) expect(n).toBeLessThanOrEqual(4);
  });

  it("sends no hostile case to an agent cooling down, but calm ones still", async () => {
    const [a, b] = await Promise.all([agentWithToken(t, "agent"), agentWithToken(t, "agent")]);
    const now = t.deps.clock.now();
    await insertCooldown(t.deps.db, {
      agentId: a.agent.id,
      startsAt: now,
      endsAt: new Date(now.getTime() + 3_600_000),
      reason: "test",
    });
    expect((await activeCooldowns(t.deps.db, now)).has(a.agent.id)).toBe(true);
    for (let i = 0; i < 3; i++) {
      const { case: kase } = await customerWrites(t, ABUSIVE);
      expect(await assigneeOf(kase.id)).toBe(b.agent.id);
    }
    const { case: calm } = await customerWrites(t, CALM);
    expect(await assigneeOf(calm.id)).toBe(a.agent.id);
  });

  it("routes by skills, lets supervisors route on demand with the reason, and can be turned off", async () => {
    const [billing, shipping] = await Promise.all([agentWithToken(t, "agent"), agentWithToken(t, "agent")]);
    const sam = await agentWithToken(t, "supervisor");
    await t.app.inject({
      method: "PATCH",
      url: `/api/v1/agents/${billing.agent.id}`,
      headers: (await agentWithToken(t, "admin")).headers,
      payload: { skills: ["billing"] },
    });
    const { case: tagged } = await customerWrites(t, CALM, { tags: ["billing"] });
    expect(await assigneeOf(tagged.id)).toBe(billing.agent.id);

    await setSetting(t, routingSetting, { autoAssign: false });
    const { case: manual } = await customerWrites(t, ABUSIVE);
    expect(await assigneeOf(manual.id)).toBeNull();

    const url = `/api/v1/cases/${manual.id}/route`;
    const forbidden = await t.app.inject({ method: "POST", url, headers: shipping.headers });
    expect(forbidden.statusCode).toBe(403);
    const routed = await t.app.inject({ method: "POST", url, headers: sam.headers });
    expect(routed.statusCode).toBe(200);
    // The billing agent has a case open, the other none: both have load 0, so open count breaks the tie.
    expect(routed.json()).toMatchObject({
      hostile: true,
      assigned: { agentId: shipping.agent.id },
      explanation: expect.stringMatching(
        new RegExp(
          `^hostile case \\(anger \\d+, abusive\\): assigned to ${shipping.agent.name}: no skills needed, 0/10 open, load 0, not cooling down$`,
        ),
      ),
    });
    expect(routed.json().candidates).toHaveLength(2);
    expect(await assigneeOf(manual.id)).toBe(shipping.agent.id);
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases/00000000-0000-4000-8000-000000000000/route",
      headers: sam.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});
