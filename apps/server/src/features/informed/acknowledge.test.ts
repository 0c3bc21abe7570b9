/** @module Acknowledgments: queued with a customer's first message, sent once, never counted as the first response. */
import { getAcknowledgment, getCase, listMessages } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWorkers } from "../../jobs/index.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { readEmailSettings } from "../email/email-settings.js";
import { addInboundMessage, addOutboundMessage } from "../messages/service.js";
import { ACKNOWLEDGE_QUEUE, sendAcknowledgment } from "./acknowledge.js";

const HOUR = 3_600_000;

describe.each(backends())("acknowledgments on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await registerWorkers(t.deps, readEmailSettings({}), () => undefined);
  });
  afterAll(async () => t.close());

  const inbound = async (email: string, extra: { receivedAt?: Date; channel?: "email" | "phone" } = {}) => {
    const added = await addInboundMessage(t.deps, {
      newCase: { subject: "Kettle stopped working", priority: "high" },
      contact: { kind: "email", value: email, name: "Ana Souza" },
      body: "My kettle stopped working after a week and I need it for my shop.",
      channel: extra.channel ?? "email",
      ...(extra.receivedAt === undefined ? {} : { receivedAt: extra.receivedAt }),
    });
    if (!added.ok) throw new Error(added.error.message);
    return added.value;
  };
  const ackJobs = (caseId: string) =>
    t.deps.jobs.sent.filter(
      (j) => j.queue === ACKNOWLEDGE_QUEUE && (j.data as { caseId: string }).caseId === caseId,
    );

  it("acknowledges a new case once, with its reference and the first-response time in the customer's zone", async () => {
    const { case: kase } = await inbound("ana@example.com");
    await t.deps.db
      .updateTable("customers")
      .set({ timezone: "America/New_York" })
      .where("id", "=", kase.customer_id)
      .execute();
    expect(ackJobs(kase.id)).toHaveLength(1);
    expect(ackJobs(kase.id)[0]?.options?.connection).toBeDefined();
    await t.deps.jobs.runAll();

    const messages = await listMessages(t.deps.db, kase.id);
    const ack = messages.find((m) => m.direction === "outbound");
    expect(ack?.channel).toBe("email");
    expect(ack?.author_agent_id).toBeNull();
    expect(ack?.body).toContain(`#${kase.number}`);
    expect(ack?.body).toContain("Hello Ana,");
    // High priority: first response due 4 h after 09:00 UTC, i.e. 08:00 in New York.
    expect(ack?.body).toContain("Monday 2 November at 08:00 (America/New_York)");
    // The customer's page in the web app, not the JSON API behind it.
    expect(ack?.body).toMatch(/(^|\s)\/portal\/[^\s]+/);
    expect(ack?.body).not.toContain("/api/v1/portal/");
    expect((await getAcknowledgment(t.deps.db, kase.id))?.message_id).toBe(ack?.id);

    const after = await getCase(t.deps.db, kase.id);
    if (!after.ok) throw new Error("case gone");
    expect(after.value.first_responded_at).toBeNull();
    expect(after.value.status).toBe("new");

    // The job running again (a retry) adds nothing.
    const again = await sendAcknowledgment({ ...t.deps }, kase.id);
    expect(again).toEqual({ ok: true, value: { sent: false, reason: "already_acknowledged" } });
    expect(await listMessages(t.deps.db, kase.id)).toHaveLength(2);
  });

  it("lets the agent's first reply count as the first response", async () => {
    const { case: kase } = await inbound("bo@example.com");
    await t.deps.jobs.runAll();
    t.deps.clock.advance(HOUR);
    const reply = await addOutboundMessage(t.deps, {
      caseId: kase.id,
      authorAgentId: null,
      body: "I'm sorry about the kettle; I'm sending a replacement today.",
      channel: "email",
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.case.first_responded_at?.toISOString()).toBe(t.deps.clock.now().toISOString());
  });

  it("skips the acknowledgment when an agent answered before the job ran", async () => {
    const { case: kase } = await inbound("cy@example.com");
    await addOutboundMessage(t.deps, {
      caseId: kase.id,
      authorAgentId: null,
      body: "Thanks, we're on it and will call you within the hour.",
      channel: "email",
    });
    await t.deps.jobs.runAll();
    expect((await getAcknowledgment(t.deps.db, kase.id))?.skipped_reason).toBe("agent_replied");
    expect((await listMessages(t.deps.db, kase.id)).filter((m) => m.direction === "outbound")).toHaveLength(
      1,
    );
  });

  it("does not acknowledge imported history, phone cases, or later messages on the case", async () => {
    const old = await inbound("dee@example.com", {
      receivedAt: new Date(t.deps.clock.now().getTime() - 48 * HOUR),
    });
    expect(ackJobs(old.case.id)).toHaveLength(0);
    const phone = await inbound("eve@example.com", { channel: "phone" });
    expect(ackJobs(phone.case.id)).toHaveLength(0);
    const first = await inbound("fay@example.com");
    await t.deps.jobs.runAll();
    const second = await addInboundMessage(t.deps, {
      caseId: first.case.id,
      contact: { kind: "email", value: "fay@example.com" },
      body: "Any news?",
      channel: "email",
    });
    expect(second.ok).toBe(true);
    expect(ackJobs(first.case.id)).toHaveLength(0);
  });
});
