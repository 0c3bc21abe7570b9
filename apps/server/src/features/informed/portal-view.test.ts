/** @module The portal's case view: status in plain words, the customer-facing timeline, and the next expected update. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWorkers } from "../../jobs/index.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import { readEmailSettings } from "../email/email-settings.js";
import { addInboundMessage, addNote, addOutboundMessage } from "../messages/service.js";

const HOUR = 3_600_000;

describe.each(backends())("portal case view on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let caseId = "";
  let token = "";
  beforeAll(async () => {
    t = await createTestApp(backend);
    await registerWorkers(t.deps, readEmailSettings({}), () => undefined);
    headers = (await agentWithToken(t, "agent")).headers;
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Missing parcel", priority: "normal" },
      contact: { kind: "email", value: "noor@example.com", name: "Noor" },
      body: "My parcel never arrived.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    caseId = inbound.value.case.id;
    await t.deps.jobs.runAll();
    await addNote(t.deps, { caseId, authorAgentId: null, body: "Courier says lost; internal only." });
    const link = await t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/portal-link`,
      headers,
      payload: { days: 30 },
    });
    token = link.json().token;
  });
  afterAll(async () => t.close());

  const view = async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/portal/${token}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it("shows the acknowledgment and the first-response time as the next update, never internal notes", async () => {
    const body = await view();
    expect(body.statusText).toBe("We received your case.");
    expect(body.nextUpdate).toEqual({
      at: new Date(t.deps.clock.now().getTime() + 8 * HOUR).toISOString(),
      basis: "first_response",
    });
    const texts = body.timeline.map((e: { text: string }) => e.text);
    expect(texts).toContain("My parcel never arrived.");
    expect(texts).toContain("We received your case.");
    expect(
      body.timeline.some((e: { from: string; text: string }) => e.from === "agent" && e.text.includes("#")),
    ).toBe(true);
    expect(JSON.stringify(body)).not.toContain("internal only");
  });

  it("after a reply, expects the next progress update by the priority's interval; nothing while waiting on the customer", async () => {
    await addOutboundMessage(t.deps, {
      caseId,
      authorAgentId: null,
      body: "I'm sorry your parcel is missing; I've opened a claim with the courier.",
      channel: "email",
      sentAt: t.deps.clock.now(),
    });
    const open = await view();
    expect(open.statusText).toBe("We're working on your case.");
    expect(open.nextUpdate).toEqual({
      at: new Date(t.deps.clock.now().getTime() + 24 * HOUR).toISOString(),
      basis: "progress_update",
    });
    await setStatus(t.deps, caseId, "pending_customer");
    expect((await view()).nextUpdate).toEqual({ at: null, basis: "waiting_on_you" });
    expect((await view()).timeline.map((e: { text: string }) => e.text)).toContain(
      "We're waiting for your reply.",
    );
  });

  it("once resolved, the next update is the follow-up", async () => {
    await setStatus(t.deps, caseId, "resolved");
    const body = await view();
    expect(body.nextUpdate).toEqual({
      at: new Date(t.deps.clock.now().getTime() + 3 * 24 * HOUR).toISOString(),
      basis: "followup",
    });
    expect(body.timeline.at(-1)).toMatchObject({
      kind: "status",
      status: "resolved",
      text: "We resolved your case.",
    });
  });
});
