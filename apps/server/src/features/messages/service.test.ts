import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import { addInboundMessage, addOutboundMessage, angerTrajectory } from "./service.js";

describe.each(backends())("message service on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  const contact = { kind: "email" as const, value: "Angry@Example.com", name: "Sam" };

  it("opens a case for a new sender, analyses the message and de-duplicates by external id", async () => {
    const input = {
      newCase: { subject: "Refund" },
      contact,
      body: "This is the THIRD time I write. Where is my refund?!",
      channel: "email" as const,
      externalMessageId: "<m1@example.com>",
    };
    const first = await addInboundMessage(t.deps, input);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.caseCreated).toBe(true);
    expect(first.value.message.analysis).toMatchObject({ kind: "customer" });
    const again = await addInboundMessage(t.deps, input);
    expect(again.ok && again.value.created).toBe(false);
    expect(again.ok && again.value.message.id).toBe(first.value.message.id);
  });

  it("coaches replies, marks the first response and reopens on the customer's answer", async () => {
    const first = await addInboundMessage(t.deps, {
      newCase: { subject: "Late parcel" },
      contact,
      body: "My parcel is late.",
      channel: "email",
    });
    if (!first.ok) throw new Error(first.error.message);
    const caseId = first.value.case.id;
    const reply = await addOutboundMessage(t.deps, {
      caseId,
      authorAgentId: null,
      body: "Sorry for the delay. I have checked the tracking and it arrives on Friday.",
      channel: "email",
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.message.analysis).toMatchObject({ kind: "reply" });
    expect(reply.value.case.first_responded_at).not.toBeNull();
    expect(reply.value.case.status).toBe("open");
    await setStatus(t.deps, caseId, "pending_customer");
    const answer = await addInboundMessage(t.deps, {
      caseId,
      contact,
      body: "STILL NOTHING!!! This is absolutely ridiculous, I want my money back NOW!!!",
      channel: "email",
    });
    expect(answer.ok && answer.value.case.status).toBe("open");
    const trajectory = await angerTrajectory(t.deps, caseId);
    if (!trajectory.ok) throw new Error(trajectory.error.message);
    expect(trajectory.value.points).toHaveLength(2);
    const [calm, angry] = trajectory.value.points;
    expect(angry?.anger ?? 0).toBeGreaterThan(calm?.anger ?? 100);
    expect(trajectory.value.trend).toBe("rising");
  });

  it("refuses a message with neither a case nor new-case fields", async () => {
    const result = await addInboundMessage(t.deps, { contact, body: "hi", channel: "web" });
    expect(result.ok ? "ok" : result.error.code).toBe("validation_failed");
  });
});
