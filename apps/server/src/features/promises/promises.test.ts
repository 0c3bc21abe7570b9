/** @module The promise ledger through the API: extraction on send, timezones and business days, keeping, permissions. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";

type Headers = Record<string, string>;
interface PromiseDto {
  id: string;
  kind: string;
  text: string;
  status: string;
  dueAt: string | null;
  ownerAgentId: string | null;
  timezone: string;
  fulfilledBy: { kind: string; messageId: string | null } | null;
}

// Friday 27 November 2026, 10:00 in New York.
const FRIDAY = "2026-11-27T15:00:00Z";

describe.each(backends())("promise ledger on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let priya: Awaited<ReturnType<typeof agentWithToken>>;
  let omar: Awaited<ReturnType<typeof agentWithToken>>;
  let sam: Awaited<ReturnType<typeof agentWithToken>>;
  let caseId = "";
  let customerId = "";

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.deps.clock.set(FRIDAY);
    priya = await agentWithToken(t, "agent");
    omar = await agentWithToken(t, "agent");
    sam = await agentWithToken(t, "supervisor");
    const opened = await addInboundMessage(t.deps, {
      newCase: { subject: "Charged twice for delivery" },
      contact: { kind: "email", value: "dana@example.com", name: "Dana" },
      body: "You charged me delivery twice. I want that money back.",
      channel: "email",
    });
    if (!opened.ok) throw new Error(opened.error.message);
    caseId = opened.value.case.id;
    customerId = opened.value.customer.id;
  });
  afterAll(async () => t.close());

  const send = (headers: Headers, body: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/messages`,
      headers,
      payload: { direction: "outbound", body, ...extra },
    });
  const casePromises = async (): Promise<PromiseDto[]> => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/cases/${caseId}/promises`,
      headers: priya.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json().promises;
  };
  const post = (headers: Headers, url: string, payload?: object) =>
    t.app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });

  it("sets the customer's timezone through the customers route, and refuses an unknown zone", async () => {
    const url = `/api/v1/customers/${customerId}`;
    const bad = await t.app.inject({
      method: "PATCH",
      url,
      headers: priya.headers,
      payload: { timezone: "Mars/Base" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("IANA timezone");
    const empty = await t.app.inject({ method: "PATCH", url, headers: priya.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    const res = await t.app.inject({
      method: "PATCH",
      url,
      headers: priya.headers,
      payload: { timezone: "America/New_York" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Dana", timezone: "America/New_York" });
  });

  it("extracts a sent reply's promises in the customer's zone, skipping the weekend for business days", async () => {
    const res = await send(
      priya.headers,
      "I'm sorry you were charged twice. I'll call you back on Monday before noon, and we'll refund the second " +
        "delivery charge within 2 business days.",
    );
    expect(res.statusCode).toBe(201);
    const promises = await casePromises();
    expect(promises.map((p) => [p.kind, p.text, p.dueAt, p.status, p.ownerAgentId, p.timezone])).toEqual([
      ["callback", "call you back", "2026-11-30T17:00:00.000Z", "open", priya.agent.id, "America/New_York"],
      // Friday + 2 business days = Tuesday, 17:00 in New York.
      [
        "refund",
        "refund the second delivery charge",
        "2026-12-01T22:00:00.000Z",
        "open",
        priya.agent.id,
        "America/New_York",
      ],
    ]);
  });

  it("keeps a promise when a later reply reports it done", async () => {
    t.deps.clock.set("2026-11-30T14:00:00Z");
    const res = await send(
      priya.headers,
      "Good news: the second delivery charge has been refunded to your card.",
    );
    expect(res.statusCode).toBe(201);
    const replyId = res.json().message.id;
    const [callback, refund] = await casePromises();
    expect(refund).toMatchObject({ status: "fulfilled", fulfilledBy: { kind: "reply", messageId: replyId } });
    expect(callback?.status).toBe("open");
  });

  it("lets the owner or a supervisor keep, withdraw or re-date a promise, and nobody else", async () => {
    const [callback] = await casePromises();
    const id = callback?.id ?? "";
    expect((await post(omar.headers, `/api/v1/promises/${id}/fulfil`)).statusCode).toBe(403);
    const redate = (headers: Headers, dueAt: string | null) =>
      t.app.inject({ method: "PATCH", url: `/api/v1/promises/${id}`, headers, payload: { dueAt } });
    expect((await redate(omar.headers, "2026-12-02T17:00:00Z")).statusCode).toBe(403);
    expect((await redate(priya.headers, "not a date")).statusCode).toBe(400);
    const moved = await redate(sam.headers, "2026-12-02T17:00:00Z");
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ dueAt: "2026-12-02T17:00:00.000Z", status: "open" });
    const kept = await post(priya.headers, `/api/v1/promises/${id}/fulfil`);
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({
      status: "fulfilled",
      fulfilledBy: { kind: "agent", agentId: priya.agent.id },
    });
    const again = await post(priya.headers, `/api/v1/promises/${id}/fulfil`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("already fulfilled");
    expect((await post(priya.headers, `/api/v1/promises/${crypto.randomUUID()}/fulfil`)).statusCode).toBe(
      404,
    );

    await send(priya.headers, "I'll email you the corrected invoice by Wednesday.");
    const invoice = (await casePromises()).find((p) => p.status === "open");
    const cancelUrl = `/api/v1/promises/${invoice?.id}/cancel`;
    const noReason = await post(priya.headers, cancelUrl, { reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain("say why");
    const cancelled = await post(priya.headers, cancelUrl, {
      reason: "Customer asked for a paper copy instead",
    });
    expect(cancelled.json()).toMatchObject({
      status: "cancelled",
      cancelReason: "Customer asked for a paper copy instead",
    });
    const trail = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "promise")
      .where("entity_id", "=", invoice?.id ?? "")
      .execute();
    expect(trail.map((a) => a.action)).toEqual(["create", "cancel"]);
  });

  it("lists an agent's own promises, and anyone's for supervisors", async () => {
    await send(omar.headers, "I'll call you tomorrow morning to confirm the refund arrived.");
    const list = async (headers: Headers, query = "") => {
      const res = await t.app.inject({ method: "GET", url: `/api/v1/promises${query}`, headers });
      return { status: res.statusCode, promises: (res.json().promises ?? []) as PromiseDto[] };
    };
    const mine = await list(omar.headers);
    expect(mine.promises.map((p) => p.ownerAgentId)).toEqual([omar.agent.id]);
    expect((await list(omar.headers, `?owner=${priya.agent.id}`)).status).toBe(403);
    expect((await list(omar.headers, "?owner=bogus")).status).toBe(400);
    const all = await list(sam.headers);
    expect(new Set(all.promises.map((p) => p.ownerAgentId))).toEqual(
      new Set([priya.agent.id, omar.agent.id]),
    );
    expect((await list(sam.headers, `?owner=${priya.agent.id}&status=open`)).promises).toEqual([]);
    t.deps.clock.set("2026-12-02T12:00:00Z");
    const overdue = await list(sam.headers, "?overdue=true");
    expect(overdue.promises.map((p) => [p.ownerAgentId, p.status])).toEqual([[omar.agent.id, "open"]]);
    expect((await list(sam.headers, "?status=closed")).status).toBe(400);
  });

  it("shows the customer their open promises in the portal, without internal fields", async () => {
    const link = await post(priya.headers, `/api/v1/cases/${caseId}/portal-link`, { days: 1 });
    const view = await t.app.inject({ method: "GET", url: `/api/v1/portal/${link.json().token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json().promises).toEqual([
      {
        text: "I'll call you tomorrow morning to confirm the refund arrived",
        dueAt: "2026-12-01T17:00:00.000Z",
        dueText: "tomorrow morning",
      },
    ]);
  });

  it("asks for a confirmation before sending an over-promise, and audits the confirmation", async () => {
    const before = (await casePromises()).length;
    const count = async () =>
      (
        await t.app.inject({ method: "GET", url: `/api/v1/cases/${caseId}/messages`, headers: priya.headers })
      ).json().messages.length;
    const messages = await count();
    const reply = "I'm sorry about this. It will never happen again.";
    const refused = await send(priya.headers, reply);
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe("overpromise_unconfirmed");
    expect(error.spans.map((s: { text: string }) => s.text).join(" ")).toContain("never happen again");
    expect(error.suggestions.length).toBeGreaterThan(0);
    expect(await count()).toBe(messages);

    const plain = await send(priya.headers, "Thanks for your patience, Dana.", { confirmOverpromise: false });
    expect(plain.statusCode).toBe(201);
    const confirmed = await send(priya.headers, reply, { confirmOverpromise: true });
    expect(confirmed.statusCode).toBe(201);
    const audits = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "overpromise_confirmed")
      .execute();
    expect(audits).toEqual([
      expect.objectContaining({
        actor_id: priya.agent.id,
        entity: "message",
        entity_id: confirmed.json().message.id,
      }),
    ]);
    expect((await casePromises()).length).toBe(before);
  });

  it("answers 404 for an unknown case's promises", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/cases/${crypto.randomUUID()}/promises`,
      headers: priya.headers,
    });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/promises" })).statusCode).toBe(401);
  });
});
