/** @module Follow-ups: scheduled on resolution, sent when due, answered once through the link; bad answers reopen. */
import { createTeam, getCase, listFollowupsForCase, listMessages } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { checkSla, RESOLUTION_TAG } from "../sla/sla-job.js";
import { FOLLOWUP_REOPENED_KIND } from "./answer.js";
import { sendDueFollowups } from "./send-job.js";

const DAY = 86_400_000;

describe.each(backends())("follow-ups on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let agent: Awaited<ReturnType<typeof agentWithToken>>;
  let supervisor: Record<string, string>;
  let teamId = "";
  let customerNo = 0;
  beforeAll(async () => {
    t = await createTestApp(backend);
    agent = await agentWithToken(t, "agent");
    supervisor = (await agentWithToken(t, "supervisor")).headers;
    const team = await createTeam(t.deps.db, { name: "Returns" });
    if (!team.ok) throw new Error(team.error.message);
    teamId = team.value.id;
    await t.deps.db.updateTable("agents").set({ team_id: teamId }).where("id", "=", agent.agent.id).execute();
  });
  afterAll(async () => t.close());

  /** A case the customer opened, the agent answered and resolved. */
  const resolvedCase = async (tags: string[] = []) => {
    customerNo++;
    const email = `customer${customerNo}@example.com`;
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Washing machine leaks", tags },
      contact: { kind: "email", value: email, name: "Lena Park" },
      body: "The new washing machine leaks all over the floor.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    const caseId = inbound.value.case.id;
    await addOutboundMessage(t.deps, {
      caseId,
      authorAgentId: agent.agent.id,
      body: "I'm sorry about the leak. An engineer will replace the door seal on Thursday.",
      channel: "email",
    });
    const resolved = await setStatus(t.deps, caseId, "resolved");
    if (!resolved.ok) throw new Error(resolved.error.message);
    return { caseId, email };
  };
  /** Sends due follow-ups and returns the link in the one sent on this case. */
  const sendAndGetLink = async (caseId: string) => {
    t.deps.clock.advance(3 * DAY);
    await sendDueFollowups(t.deps);
    const asked = (await listMessages(t.deps.db, caseId)).filter((m) => m.body.includes("Did the fix hold"));
    // The link opens the portal page of the web app (which calls the API), never the API's JSON.
    const match = /(?:^|\s)\/portal\/([^\s/]+)\/followup/.exec(asked.at(-1)?.body ?? "");
    if (!match?.[1]) throw new Error(`no follow-up sent on case ${caseId}`);
    return match[1];
  };
  const answer = (token: string, payload: object) =>
    t.app.inject({ method: "POST", url: `/api/v1/portal/${token}/followup`, payload });
  const caseNow = async (caseId: string) => {
    const found = await getCase(t.deps.db, caseId);
    if (!found.ok) throw new Error("case gone");
    return found.value;
  };

  it("schedules a follow-up three days after resolution, credited to the last agent who replied and their team", async () => {
    const { caseId } = await resolvedCase();
    const [followup] = await listFollowupsForCase(t.deps.db, caseId);
    expect(followup?.due_at.toISOString()).toBe(
      new Date(t.deps.clock.now().getTime() + 3 * DAY).toISOString(),
    );
    expect(followup).toMatchObject({ agent_id: agent.agent.id, team_id: teamId, sent_at: null });
    t.deps.clock.advance(2 * DAY);
    expect((await sendDueFollowups(t.deps)).sent).not.toContain(followup?.id);
  });

  it("sends a due follow-up once, with a link the customer answers once; a good answer closes the case", async () => {
    const { caseId } = await resolvedCase();
    const token = await sendAndGetLink(caseId);
    const asked = (await listMessages(t.deps.db, caseId)).filter((m) => m.body.includes("Did the fix hold"));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ direction: "outbound", channel: "email", author_agent_id: null });
    expect((await sendDueFollowups(t.deps)).sent).toEqual([]);

    const page = await t.app.inject({ method: "GET", url: `/api/v1/portal/${token}/followup` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ state: "waiting", answer: null });
    const portal = await t.app.inject({ method: "GET", url: `/api/v1/portal/${token}` });
    expect(portal.statusCode).toBe(200);

    const good = await answer(token, { fixHeld: true, csat: 5, comment: "All dry now, thank you!" });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ outcome: "closed", caseStatus: "closed" });
    expect((await caseNow(caseId)).status).toBe("closed");
    const twice = await answer(token, { fixHeld: true, csat: 5 });
    expect(twice.statusCode).toBe(409);
    const [stored] = await listFollowupsForCase(t.deps.db, caseId);
    expect(stored).toMatchObject({ fix_held: true, csat: 5, outcome: "closed", comment_anger: 0 });
    // The note and the follow-up share the clock's instant, so find it by kind rather than by position.
    const notes = (await listMessages(t.deps.db, caseId)).filter((m) => m.direction === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain("CSAT 5/5");
  });

  it("reopens the case at high priority on a bad answer and tells the agent and the supervisors", async () => {
    const { caseId } = await resolvedCase();
    const token = await sendAndGetLink(caseId);
    const bad = await answer(token, { fixHeld: false, csat: 3 });
    expect(bad.json()).toMatchObject({ outcome: "reopened", caseStatus: "open" });
    const kase = await caseNow(caseId);
    expect(kase).toMatchObject({ status: "open", priority: "high" });
    const notes = await t.deps.db
      .selectFrom("notifications")
      .selectAll()
      .where("kind", "=", FOLLOWUP_REOPENED_KIND)
      .where("case_id", "=", caseId)
      .execute();
    expect(notes.map((n) => n.agent_id ?? n.role).sort()).toEqual([agent.agent.id, "supervisor"].sort());
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/cases/${caseId}/followups`,
      headers: supervisor,
    });
    expect(list.json().followups[0]).toMatchObject({
      state: "answered",
      outcome: "reopened",
      fixHeld: false,
    });
  });

  it("gives a case reopened by a bad answer a fresh resolution target, so the SLA check does not escalate it at once", async () => {
    const { caseId } = await resolvedCase();
    const token = await sendAndGetLink(caseId);
    expect((await answer(token, { fixHeld: false, csat: 1 })).json().outcome).toBe("reopened");
    const reopened = await caseNow(caseId);
    // High priority: 24 hours to resolve, counted from the reopening.
    expect(reopened.resolution_due_at?.toISOString()).toBe(
      new Date(t.deps.clock.now().getTime() + DAY).toISOString(),
    );
    t.deps.clock.advance(60_000);
    const sla = await checkSla(t.deps);
    expect(sla.escalated).not.toContain(caseId);
    expect((await caseNow(caseId)).tags).not.toContain(RESOLUTION_TAG);
  });

  it("counts a low score or an angry comment as a bad answer even when the fix held", async () => {
    const low = await resolvedCase();
    const lowToken = await sendAndGetLink(low.caseId);
    expect((await answer(lowToken, { fixHeld: true, csat: 2 })).json().outcome).toBe("reopened");
    const angry = await resolvedCase();
    const angryToken = await sendAndGetLink(angry.caseId);
    const res = await answer(angryToken, {
      fixHeld: true,
      csat: 4,
      comment: "It works, but you people are USELESS and this took three weeks!!! Absolutely ridiculous.",
    });
    expect(res.json().outcome).toBe("reopened");
    const [stored] = await listFollowupsForCase(t.deps.db, angry.caseId);
    expect(stored?.comment_anger).toBeGreaterThanOrEqual(2);
  });

  it("cancels the follow-up when the customer reopens the case before it is due", async () => {
    const { caseId, email } = await resolvedCase();
    t.deps.clock.advance(DAY);
    const again = await addInboundMessage(t.deps, {
      caseId,
      contact: { kind: "email", value: email },
      body: "It's leaking again.",
      channel: "email",
    });
    expect(again.ok && again.value.case.status).toBe("open");
    const [followup] = await listFollowupsForCase(t.deps.db, caseId);
    expect(followup).toMatchObject({ cancel_reason: "reopened", sent_at: null });
    t.deps.clock.advance(5 * DAY);
    const report = await sendDueFollowups(t.deps);
    expect(report.sent).not.toContain(followup?.id);
    // Resolving it again schedules a fresh one.
    await setStatus(t.deps, caseId, "resolved");
    expect(await listFollowupsForCase(t.deps.db, caseId)).toHaveLength(2);
  });

  it("refuses forged links and answers out of range", async () => {
    const { caseId } = await resolvedCase();
    const token = await sendAndGetLink(caseId);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.app.inject({ method: "GET", url: `/api/v1/portal/${forged}/followup` })).statusCode).toBe(
      401,
    );
    const outOfRange = await answer(token, { fixHeld: true, csat: 6 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.field).toBe("body.csat");
    expect((await listFollowupsForCase(t.deps.db, caseId))[0]?.answered_at).toBeNull();
  });
});
