/** @module Progress-update reminders (once per silence), the drafted update route, and coach-checked template saves. */
import { coachReply, PROBLEM_LABELS } from "@keel/coach";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { createCase, updateCase } from "../cases/service.js";
import { addOutboundMessage } from "../messages/service.js";
import { readSetting } from "../settings/service.js";
import { checkProgressUpdates, PROGRESS_UPDATE_KIND } from "./progress-job.js";
import { acknowledgmentSetting } from "./settings.js";
import { DEFAULT_ACKNOWLEDGMENT_TEMPLATE } from "./template.js";

const HOUR = 3_600_000;

describe.each(backends())("keeping customers informed on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let agent: Awaited<ReturnType<typeof agentWithToken>>;
  let admin: Record<string, string>;
  let caseId = "";
  beforeAll(async () => {
    t = await createTestApp(backend);
    agent = await agentWithToken(t, "agent");
    admin = (await agentWithToken(t, "admin")).headers;
    const customer = await t.deps.db
      .insertInto("customers")
      .values({ name: "Rui Costa", timezone: "Europe/Lisbon" })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = await createCase(t.deps, {
      subject: "Refund for a cancelled flight",
      customerId: customer.id,
      priority: "normal",
      assigneeId: agent.agent.id,
    });
    if (!created.ok) throw new Error(created.error.message);
    caseId = created.value.id;
    await updateCase(t.deps, caseId, { status: "open" });
    await addOutboundMessage(t.deps, {
      caseId,
      authorAgentId: agent.agent.id,
      body: "I'm sorry about the cancelled flight. I've asked our refunds team to process it.",
      channel: "email",
      sentAt: t.deps.clock.now(),
    });
  });
  afterAll(async () => t.close());

  const prompts = () =>
    t.deps.db.selectFrom("notifications").selectAll().where("kind", "=", PROGRESS_UPDATE_KIND).execute();

  it("prompts the assignee once when a normal case has gone 24 h without an update", async () => {
    t.deps.clock.advance(23 * HOUR);
    expect((await checkProgressUpdates(t.deps)).prompted).toEqual([]);
    t.deps.clock.advance(2 * HOUR);
    expect((await checkProgressUpdates(t.deps)).prompted).toEqual([caseId]);
    t.deps.clock.advance(HOUR);
    expect((await checkProgressUpdates(t.deps)).prompted).toEqual([]);
    const stored = await prompts();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.agent_id).toBe(agent.agent.id);
    expect(stored[0]?.body).toContain("#");
    expect(stored[0]?.body).toContain("(Europe/Lisbon)");
  });

  it("starts a new silence window after the next update, and leaves cases waiting on the customer alone", async () => {
    await addOutboundMessage(t.deps, {
      caseId,
      authorAgentId: agent.agent.id,
      body: "The refunds team has your claim; I'll update you tomorrow.",
      channel: "email",
      sentAt: t.deps.clock.now(),
    });
    t.deps.clock.advance(25 * HOUR);
    expect((await checkProgressUpdates(t.deps)).prompted).toEqual([caseId]);
    expect(await prompts()).toHaveLength(2);
    await updateCase(t.deps, caseId, { status: "pending_customer" });
    t.deps.clock.advance(100 * HOUR);
    expect((await checkProgressUpdates(t.deps)).silent).toBe(0);
    await updateCase(t.deps, caseId, { status: "open" });
  });

  it("drafts an update that passes the coach and names the next promised date", async () => {
    const [reply] = await t.deps.db
      .selectFrom("messages")
      .select("id")
      .where("case_id", "=", caseId)
      .where("direction", "=", "outbound")
      .execute();
    const due = new Date(t.deps.clock.now().getTime() + 30 * HOUR);
    await t.deps.db
      .insertInto("promises")
      .values({
        case_id: caseId,
        message_id: reply?.id ?? "",
        owner_agent_id: agent.agent.id,
        owed_by: "agent",
        kind: "refund",
        text: "send you the refund confirmation",
        span_text: "I'll send you the refund confirmation",
        span_start: 0,
        span_end: 10,
        confidence: 0.9,
        due_at: due,
        timezone: "Europe/Lisbon",
      })
      .execute();
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/cases/${caseId}/update-draft`,
      headers: agent.headers,
    });
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft.nextPromise).toEqual({ text: "send you the refund confirmation", dueAt: due.toISOString() });
    expect(draft.text).toContain("send you the refund confirmation by");
    expect(draft.coach.passes).toBe(true);
    const coaching = coachReply(draft.text, "When do I get my refund?");
    expect(PROBLEM_LABELS.filter((label) => coaching.labels[label].value)).toEqual([]);
    const missing = await t.app.inject({
      method: "GET",
      url: "/api/v1/cases/00000000-0000-4000-8000-000000000000/update-draft",
      headers: agent.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("saves an acknowledgment template only after the coach has read it", async () => {
    const put = (payload: object, headers = admin) =>
      t.app.inject({ method: "PUT", url: "/api/v1/settings/acknowledgment", headers, payload });
    const stock =
      "Dear customer, your call is important to us. We apologize for any inconvenience. " +
      "Your reference is #{{number}} and we will reply by {{next_update}}.";
    const refused = await put({ value: { template: stock } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.labels).toEqual(expect.arrayContaining(["non_apology", "robotic"]));
    expect(refused.json().error.suggestions.length).toBeGreaterThan(0);
    expect((await readSetting(t.deps.db, acknowledgmentSetting)).template).toBe(
      DEFAULT_ACKNOWLEDGMENT_TEMPLATE,
    );

    const forced = await put({ value: { template: stock }, force: true });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().coach.passes).toBe(false);
    expect((await readSetting(t.deps.db, acknowledgmentSetting)).template).toBe(stock);

    const good = await put({ value: { template: DEFAULT_ACKNOWLEDGMENT_TEMPLATE } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ key: "acknowledgment", version: 2, coach: { passes: true } });

    const noNumber = await put({
      value: { template: "Thanks for writing, we'll reply by {{next_update}}." },
    });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error.message).toContain("{{number}}");
    const unknown = await put({
      value: { template: "Case #{{number}}, reply by {{next_update}} {{agent}}." },
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      (await put({ value: { template: DEFAULT_ACKNOWLEDGMENT_TEMPLATE } }, agent.headers)).statusCode,
    ).toBe(403);
  });
});
