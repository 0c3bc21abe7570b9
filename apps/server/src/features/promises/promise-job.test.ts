/** @module The promise check on a manual clock: one reminder before the due time, one overdue alert after it. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWorkers } from "../../jobs/index.js";
import { PERIODIC_CHECKS, queuePeriodicCheck } from "../../jobs/periodic.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { readEmailSettings } from "../email/email-settings.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { checkPromises, PROMISE_CHECK_QUEUE } from "./promise-job.js";

const MINUTE = 60_000;
// Monday 2 November 2026, 09:00 UTC; the customer's zone is UTC, so "by 3pm today" is due at 15:00Z.
const SENT = "2026-11-02T09:00:00Z";
const DUE = "2026-11-02T15:00:00.000Z";

describe.each(backends())("promise check on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let priya: Awaited<ReturnType<typeof agentWithToken>>;
  let sam: Awaited<ReturnType<typeof agentWithToken>>;
  let promiseId = "";

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.deps.clock.set(SENT);
    priya = await agentWithToken(t, "agent");
    sam = await agentWithToken(t, "supervisor");
    const opened = await addInboundMessage(t.deps, {
      newCase: { subject: "Boiler still broken" },
      contact: { kind: "email", value: "lee@example.com" },
      body: "Nobody has called me back about the boiler.",
      channel: "email",
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const sent = await addOutboundMessage(t.deps, {
      caseId: opened.value.case.id,
      authorAgentId: priya.agent.id,
      body: "I'm sorry nobody called. I'll call you back by 3pm today with an engineer's visit time.",
      channel: "email",
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const [p] = await t.deps.db.selectFrom("promises").selectAll().execute();
    expect(p?.due_at?.toISOString()).toBe(DUE);
    promiseId = p?.id ?? "";
  });
  afterAll(async () => t.close());

  /** The promise notifications an agent sees (other features notify too, e.g. on assignment). */
  const notifications = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers });
    const all = res.json().notifications as Array<{ kind: string; title: string; to: string }>;
    return all.filter((n) => n.kind.startsWith("promise_"));
  };

  it("stays quiet until the reminder lead time (2 hours by default)", async () => {
    t.deps.clock.set("2026-11-02T12:59:00Z");
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [] });
    expect(await notifications(priya.headers)).toEqual([]);
  });

  it("reminds the owner once when the promise falls due within the lead time", async () => {
    t.deps.clock.set("2026-11-02T13:30:00Z");
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [promiseId], overdue: [] });
    t.deps.clock.advance(10 * MINUTE);
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [] });
    const mine = await notifications(priya.headers);
    expect(mine.map((n) => [n.kind, n.to])).toEqual([["promise_due_soon", "me"]]);
    expect(mine[0]?.title).toContain("call you back");
    expect(await notifications(sam.headers)).toEqual([]);
  });

  it("alerts supervisors and the owner once when the promise is overdue", async () => {
    t.deps.clock.set("2026-11-02T15:01:00Z");
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [promiseId] });
    t.deps.clock.advance(60 * MINUTE);
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [] });
    expect((await notifications(sam.headers)).map((n) => [n.kind, n.to])).toEqual([
      ["promise_overdue", "supervisor"],
    ]);
    expect((await notifications(priya.headers)).map((n) => n.kind).sort()).toEqual([
      "promise_due_soon",
      "promise_overdue",
    ]);
  });

  it("reminds again for a new due time, with the lead time from the setting, through the queued worker", async () => {
    const admin = await agentWithToken(t, "admin");
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/promises",
      headers: admin.headers,
      payload: { value: { reminderLeadMinutes: 30 } },
    });
    expect(saved.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/promises",
      headers: admin.headers,
      payload: { value: { reminderLeadMinutes: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    const moved = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/promises/${promiseId}`,
      headers: priya.headers,
      payload: { dueAt: "2026-11-03T10:00:00Z", dueText: "tomorrow at 10am" },
    });
    expect(moved.statusCode).toBe(200);

    expect(PERIODIC_CHECKS.map((c) => c.queue)).toContain(PROMISE_CHECK_QUEUE);
    await registerWorkers(t.deps, readEmailSettings({}), () => undefined);
    const runCheck = async () => {
      await queuePeriodicCheck(t.deps.jobs, { queue: PROMISE_CHECK_QUEUE, everyMs: MINUTE });
      await t.deps.jobs.runAll();
    };
    t.deps.clock.set("2026-11-03T09:00:00Z"); // an hour before: outside the 30-minute lead
    await runCheck();
    expect((await notifications(priya.headers)).filter((n) => n.kind === "promise_due_soon")).toHaveLength(1);
    t.deps.clock.set("2026-11-03T09:45:00Z");
    await runCheck();
    await runCheck();
    expect((await notifications(priya.headers)).filter((n) => n.kind === "promise_due_soon")).toHaveLength(2);
  });

  it("never reminds about a kept promise", async () => {
    const kept = await t.app.inject({
      method: "POST",
      url: `/api/v1/promises/${promiseId}/fulfil`,
      headers: priya.headers,
    });
    expect(kept.statusCode).toBe(200);
    t.deps.clock.set("2026-11-04T09:00:00Z");
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [] });
  });

  it("records imported history without alerting about promises long overdue", async () => {
    const opened = await addInboundMessage(t.deps, {
      newCase: { subject: "Old ticket" },
      contact: { kind: "email", value: "old@example.com" },
      body: "Where is my parcel?",
      channel: "email",
      receivedAt: new Date("2026-09-01T09:00:00Z"),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    await addOutboundMessage(t.deps, {
      caseId: opened.value.case.id,
      authorAgentId: priya.agent.id,
      body: "I'll call you back tomorrow morning.",
      channel: "email",
      sentAt: new Date("2026-09-01T10:00:00Z"),
    });
    const [old] = await t.deps.db
      .selectFrom("promises")
      .selectAll()
      .where("case_id", "=", opened.value.case.id)
      .execute();
    expect(old).toMatchObject({ status: "open", due_text: "tomorrow morning" });
    expect(await checkPromises(t.deps, t.deps.clock.now())).toEqual({ reminded: [], overdue: [] });
  });
});
