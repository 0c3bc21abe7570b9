import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

describe.each(backends())("case and message routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "agent")).headers;
    const customer = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "Ada Lovelace", contacts: [{ kind: "email", value: "ada@example.com" }] },
    });
    customerId = customer.json().id;
  });
  afterAll(async () => t.close());

  const newCase = (payload: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { ...headers, ...extra },
      payload: payload as object,
    });

  it("opens a case, lists it, edits it, and keeps an audit trail", async () => {
    const created = await newCase({
      subject: "  Double charge ",
      customerId,
      priority: "high",
      tags: ["Billing"],
    });
    expect(created.statusCode).toBe(201);
    const kase = created.json();
    expect(kase).toMatchObject({
      subject: "Double charge",
      priority: "high",
      status: "new",
      tags: ["billing"],
    });
    expect(kase.firstResponseDueAt).toBe("2026-11-02T13:00:00.000Z");
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/cases?priority=high&status=new",
      headers,
    });
    expect(list.json().cases.map((c: { id: string }) => c.id)).toContain(kase.id);
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/cases/${kase.id}`,
      headers,
      payload: { status: "pending_customer" },
    });
    expect(patched.json()).toMatchObject({ status: "pending_customer", slaPaused: true });
    const unknown = await t.app.inject({
      method: "GET",
      url: `/api/v1/cases/${crypto.randomUUID()}/audit`,
      headers,
    });
    expect(unknown.statusCode).toBe(404);
    const audit = await t.app.inject({ method: "GET", url: `/api/v1/cases/${kase.id}/audit`, headers });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual(["create", "update"]);
    const escalated = await t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${kase.id}/escalate`,
      headers,
      payload: {},
    });
    expect(escalated.json().case.tags).toContain("escalated");
  });

  it("replays a create with the same Idempotency-Key and refuses the key with another body", async () => {
    const body = { subject: "Once only", customerId };
    const first = await newCase(body, { "idempotency-key": "k-1" });
    const again = await newCase(body, { "idempotency-key": "k-1" });
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    const other = await newCase({ ...body, subject: "Something else" }, { "idempotency-key": "k-1" });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe("idempotency_conflict");
  });

  it("answers client mistakes with 4xx naming the field", async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ customerId }, 400, "body.subject"],
      [{ subject: 42, customerId }, 400, "body.subject"],
      [{ subject: "x", customerId, priority: "critical" }, 400, "body.priority"],
      [{ subject: "x", customerId: "not-a-uuid" }, 400, "body.customerId"],
      [{ subject: "nul\u0000byte", customerId }, 400, "body.subject"],
    ];
    for (const [payload, status, field] of cases) {
      const res = await newCase(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.field).toBe(field);
    }
    const unknownCustomer = await newCase({
      subject: "x",
      customerId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownCustomer.statusCode).toBe(404);
    const badUtf8 = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { ...headers, "content-type": "application/json" },
      payload: Buffer.concat([
        Buffer.from('{"subject":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`","customerId":"${customerId}"}`),
      ]),
    });
    expect(badUtf8.statusCode).toBe(400);
    expect(badUtf8.json().error.field).toBe("body");
    const huge = await newCase({ subject: "x".repeat(3 * 1024 * 1024), customerId });
    expect(huge.statusCode).toBe(413);
    const notFound = await t.app.inject({ method: "GET", url: "/api/v1/cases/not-a-uuid", headers });
    expect(notFound.statusCode).toBe(400);
    expect(notFound.json().error.field).toBe("params.id");
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/cases" });
    expect(anonymous.statusCode).toBe(401);
    const badFilter = await t.app.inject({ method: "GET", url: "/api/v1/cases?status=sleeping", headers });
    expect(badFilter.statusCode).toBe(400);
  });

  it("stores the coach's reading with messages and serves the anger trajectory", async () => {
    const kase = (await newCase({ subject: "Late parcel", customerId })).json();
    const post = (payload: object) =>
      t.app.inject({ method: "POST", url: `/api/v1/cases/${kase.id}/messages`, headers, payload });
    const inbound = await post({
      direction: "inbound",
      body: "Where is my parcel? It was due on Monday.",
      contact: { kind: "email", value: "ada@example.com" },
    });
    expect(inbound.statusCode).toBe(201);
    expect(inbound.json().message.analysis.kind).toBe("customer");
    const reply = await post({
      direction: "outbound",
      body: "Calm down. It is not our fault, the courier lost it.",
    });
    expect(reply.json().message.analysis.kind).toBe("reply");
    expect(reply.json().message.analysis.result.labels.blame.value).toBe(true);
    await post({ direction: "note", body: "Called the courier." });
    await post({
      direction: "inbound",
      body: "UNBELIEVABLE!!! You blame the courier?! I want a refund NOW or I'm calling my lawyer!!!",
      contact: { kind: "email", value: "ada@example.com" },
    });
    const timeline = await t.app.inject({ method: "GET", url: `/api/v1/cases/${kase.id}/messages`, headers });
    expect(timeline.json().messages.map((m: { direction: string }) => m.direction)).toEqual([
      "inbound",
      "outbound",
      "note",
      "inbound",
    ]);
    const anger = await t.app.inject({ method: "GET", url: `/api/v1/cases/${kase.id}/anger`, headers });
    expect(anger.json().points).toHaveLength(2);
    expect(anger.json().trend).toBe("rising");
    const badDirection = await post({ direction: "sideways", body: "x" });
    expect(badDirection.statusCode).toBe(400);
    expect(badDirection.json().error.field).toMatch(/^body/);
    const emptyBody = await post({ direction: "note", body: "" });
    expect(emptyBody.json().error.field).toBe("body.body");
    const events = t.deps.jobs.sent
      .filter((j) => j.queue === "webhook.dispatch")
      .map((j) => (j.data as { event: string }).event);
    expect(events).toContain("message.created");
  });
});
