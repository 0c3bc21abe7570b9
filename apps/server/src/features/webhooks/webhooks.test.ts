/** @module Webhooks: admin registration, signed deliveries to a local HTTP server, retries on non-2xx answers. */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAgent } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { issueApiToken } from "../auth/service.js";
import { createCase } from "../cases/service.js";
import { writeSetting } from "../settings/service.js";
import {
  DELIVERY_RETRIES,
  type DeliverJob,
  deliverWebhook,
  dispatchEvent,
  WEBHOOK_DELIVER_QUEUE,
} from "./dispatch.js";
import { webhooksSetting } from "./settings.js";
import { signPayload, verifySignature } from "./signature.js";
import { createWebhook } from "./store.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe.each(backends())("webhooks on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let server: Server;
  let url = "";
  let token = "";
  const received: Received[] = [];
  const statuses: number[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend);
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.statusCode = statuses.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const admin = await createAgent(t.deps.db, { email: "admin@example.com", name: "Admin", role: "admin" });
    if (!admin.ok) throw new Error(admin.error.message);
    const issued = await issueApiToken(t.deps, admin.value.id, "tests");
    if (!issued.ok) throw new Error(issued.error.message);
    token = issued.value.token;
    // The receiver runs on this machine: allowed by the setting, as an admin would for a local receiver.
    await allowPrivateTargets(true);
  });

  async function allowPrivateTargets(allow: boolean) {
    const saved = await writeSetting(
      t.deps.db,
      webhooksSetting,
      { allowPrivateAddresses: allow },
      { agentId: null },
      t.deps.clock.now(),
    );
    if (!saved.ok) throw new Error(saved.error.message);
  }
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  it("signs with HMAC-SHA256 and verifies only the exact body", () => {
    const signature = signPayload("s3cret-s3cret-s3cret", '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature("s3cret-s3cret-s3cret", '{"a":1}', signature)).toBe(true);
    expect(verifySignature("s3cret-s3cret-s3cret", '{"a":2}', signature)).toBe(false);
    expect(verifySignature("other-secret-other", '{"a":1}', signature)).toBe(false);
  });

  it("registers webhooks for admins only and lists them without the secret", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      headers: auth,
      payload: { url, events: ["case.created"] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toHaveLength(48);
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      headers: auth,
      payload: { url: "ftp://x", events: ["case.created"] },
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: "GET",
      url: "/api/v1/webhooks",
      headers: { authorization: "Bearer nope" },
    });
    expect(anonymous.statusCode).toBe(401);
    const listed = await t.app.inject({ method: "GET", url: "/api/v1/webhooks", headers: auth });
    expect(listed.json().webhooks).toHaveLength(1);
    expect(listed.json().webhooks[0].secret).toBeUndefined();
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/webhooks/${created.json().id}`,
      headers: auth,
    });
    expect(removed.statusCode).toBe(204);
  });

  it("delivers a case event, signed, to each subscribed URL through the queue with backoff retries", async () => {
    const hook = await createWebhook(t.deps.db, {
      url,
      events: ["case.created"],
      secret: "0123456789abcdef0123",
    });
    await createWebhook(t.deps.db, { url, events: ["message.created"] });
    const jobs = t.deps.jobs;
    jobs.sent.length = 0;
    received.length = 0;
    const customer = await t.deps.db
      .insertInto("customers")
      .values({ name: "Ana" })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = await createCase(t.deps, { subject: "Late parcel", customerId: customer.id });
    expect(created.ok).toBe(true);
    await jobs.work<{ event: string; payload: never }>("webhook.dispatch", async (data) => {
      await dispatchEvent({ db: t.deps.db, jobs, now: t.deps.clock.now() }, data);
    });
    await jobs.work<DeliverJob>(WEBHOOK_DELIVER_QUEUE, async (data) => {
      await deliverWebhook({ db: t.deps.db }, data);
    });
    const send = vi.spyOn(jobs, "send");
    await jobs.runAll();
    const deliveries = send.mock.calls.filter(([queue]) => queue === WEBHOOK_DELIVER_QUEUE);
    expect(deliveries.map(([, , options]) => options)).toEqual([DELIVERY_RETRIES]);
    expect(received).toHaveLength(1);
    const [first] = received;
    const signature = String(first?.headers["x-keel-signature"]);
    expect(verifySignature(hook.secret, first?.body ?? "", signature)).toBe(true);
    expect(first?.headers["x-keel-event"]).toBe("case.created");
    expect(JSON.parse(first?.body ?? "{}").data.case.subject).toBe("Late parcel");
  });

  it("throws on a non-2xx answer so the queue retries, and drops deliveries to removed hooks", async () => {
    const hook = await createWebhook(t.deps.db, { url, events: ["case.updated"] });
    const job: DeliverJob = {
      webhookId: hook.id,
      deliveryId: "d-1",
      event: "case.updated",
      payload: { n: 1 },
      at: "2026-11-02T09:00:00Z",
    };
    statuses.push(503);
    await expect(deliverWebhook({ db: t.deps.db }, job)).rejects.toThrow(/503/);
    await expect(deliverWebhook({ db: t.deps.db }, job)).resolves.toBe("delivered");
    await t.deps.db.deleteFrom("webhooks" as never).execute();
    await expect(deliverWebhook({ db: t.deps.db }, job)).resolves.toBe("webhook_gone");
  });

  it("refuses private and loopback targets unless the webhooks setting allows them", async () => {
    const auth = { authorization: `Bearer ${token}` };
    await allowPrivateTargets(false);
    try {
      for (const target of [
        url,
        "http://localhost:9/hook",
        "http://[::1]/x",
        "http://169.254.169.254/latest",
      ]) {
        const refused = await t.app.inject({
          method: "POST",
          url: "/api/v1/webhooks",
          headers: auth,
          payload: { url: target, events: ["case.created"] },
        });
        expect(refused.statusCode, target).toBe(400);
        expect(refused.json().error.field).toBe("body.url");
        expect(refused.json().error.message).toMatch(/allowPrivateAddresses/);
      }
      // A hook added while allowed is not delivered to once the setting forbids it.
      const hook = await createWebhook(t.deps.db, { url, events: ["case.updated"] });
      received.length = 0;
      const job: DeliverJob = {
        webhookId: hook.id,
        deliveryId: "d-2",
        event: "case.updated",
        payload: { n: 2 },
        at: "2026-11-02T09:00:00Z",
      };
      await expect(deliverWebhook({ db: t.deps.db }, job)).resolves.toBe("refused");
      expect(received).toHaveLength(0);
    } finally {
      await allowPrivateTargets(true);
    }
  });
});
