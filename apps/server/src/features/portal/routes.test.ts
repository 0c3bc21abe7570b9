import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage, addNote } from "../messages/service.js";

describe.each(backends())("portal routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "agent")).headers;
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Broken kettle" },
      contact: { kind: "email", value: "portal@example.com" },
      body: "My kettle broke after a week.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    caseId = inbound.value.case.id;
    await addNote(t.deps, { caseId, authorAgentId: null, body: "Internal: customer is a reseller." });
  });
  afterAll(async () => t.close());

  const issue = async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/portal-link`,
      headers,
      payload: { days: 1 },
    });
    expect(res.statusCode).toBe(201);
    // The link a customer is sent opens the web app's portal page, not the JSON API.
    expect(res.json().url).toBe(`/portal/${res.json().token}`);
    return res.json().token as string;
  };

  it("shows the customer their case without notes and takes their reply", async () => {
    const token = await issue();
    const view = await t.app.inject({ method: "GET", url: `/api/v1/portal/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json().messages).toHaveLength(1);
    expect(JSON.stringify(view.json())).not.toContain("reseller");
    expect(JSON.stringify(view.json())).not.toContain("analysis");
    const reply = await t.app.inject({
      method: "POST",
      url: `/api/v1/portal/${token}/replies`,
      payload: { body: "Any news?" },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().message.from).toBe("customer");
    const timeline = await t.app.inject({ method: "GET", url: `/api/v1/cases/${caseId}/messages`, headers });
    expect(timeline.json().messages.at(-1)).toMatchObject({
      direction: "inbound",
      channel: "web",
      body: "Any news?",
    });
  });

  it("refuses forged, replaced and expired links, and bad replies", async () => {
    const old = await issue();
    const current = await issue();
    expect((await t.app.inject({ method: "GET", url: `/api/v1/portal/${old}` })).statusCode).toBe(401);
    const forged = `${current.slice(0, -4)}AAAA`;
    expect((await t.app.inject({ method: "GET", url: `/api/v1/portal/${forged}` })).statusCode).toBe(401);
    const empty = await t.app.inject({
      method: "POST",
      url: `/api/v1/portal/${current}/replies`,
      payload: { body: "" },
    });
    expect(empty.json().error.field).toBe("body.body");
    t.deps.clock.advance(2 * 86_400_000);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/portal/${current}` })).statusCode).toBe(401);
    const unknownCase = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases/00000000-0000-4000-8000-000000000000/portal-link",
      headers,
      payload: {},
    });
    expect(unknownCase.statusCode).toBe(404);
  });

  it("rate-limits the public portal per address", async () => {
    let status = 0;
    for (let i = 0; i < 70 && status !== 429; i++) {
      status = (await t.app.inject({ method: "GET", url: "/api/v1/portal/not-a-real-token-at-all" }))
        .statusCode;
    }
    expect(status).toBe(429);
  });
});
