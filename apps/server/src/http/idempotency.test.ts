/**
 * @module Idempotency-Key over HTTP: a message's key is answered in the message's own transaction, a key left
 * unfinished by a crashed server is free again after its lease, and keys expire after a day.
 */

import { createCustomer } from "@keel/db";
import { backends } from "@keel/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../features/cases/service.js";
import { agentWithToken } from "../testing/agents.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { expireIdempotencyKeys } from "./idempotency-expiry.js";

describe.each(backends())("Idempotency-Key on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "agent")).headers;
    const customer = await createCustomer(t.deps.db, { name: "Keyed" });
    const kase = await createCase(t.deps, { subject: "Keyed", customerId: customer.id });
    if (!kase.ok) throw new Error(kase.error.message);
    caseId = kase.value.id;
  });
  afterAll(async () => t.close());

  const post = (key: string, body: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/messages`,
      headers: { ...headers, "idempotency-key": key },
      payload: {
        direction: "inbound",
        channel: "api",
        contact: { kind: "email", value: "k@example.com" },
        body,
      },
    });

  const keyRow = (key: string) =>
    t.deps.db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirstOrThrow();

  it("stores the answer for a message's key with the message, and replays it", async () => {
    const first = await post("m-1", "Where is my parcel?");
    expect(first.statusCode).toBe(201);
    const row = await keyRow("m-1");
    expect(row.response_status).toBe(201);
    expect(row.response_body).toEqual(first.json());
    const again = await post("m-1", "Where is my parcel?");
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().message.id).toBe(first.json().message.id);
  });

  it("stores the answer for a case's key with the case", async () => {
    const customer = await createCustomer(t.deps.db, { name: "Keyed case" });
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { ...headers, "idempotency-key": "c-1" },
      payload: { subject: "Keyed case", customerId: customer.id },
    });
    expect(created.statusCode).toBe(201);
    const row = await keyRow("c-1");
    expect(row.response_status).toBe(201);
    expect(row.response_body).toEqual(created.json());
  });

  it("runs a retry whose first attempt was claimed but never finished, once the lease has passed", async () => {
    const payload = {
      direction: "inbound",
      channel: "api",
      contact: { kind: "email", value: "k@example.com" },
      body: "Abandoned",
    };
    // The claim a killed server left behind: same body, no answer.
    const first = await post("m-2", "Abandoned");
    expect(first.statusCode).toBe(201);
    await sql`DELETE FROM messages WHERE id = ${first.json().message.id}::uuid`.execute(t.deps.db);
    await sql`UPDATE idempotency_keys SET response_status = NULL, response_body = NULL WHERE key = 'm-2'`.execute(
      t.deps.db,
    );
    const busy = await post("m-2", payload.body);
    expect(busy.statusCode).toBe(409);
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '301 seconds' WHERE key = 'm-2'`.execute(
      t.deps.db,
    );
    const retried = await post("m-2", payload.body);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    expect((await keyRow("m-2")).response_status).toBe(201);
  });

  it("deletes keys older than a day", async () => {
    await post("m-3", "Old news");
    const now = t.deps.clock.now();
    await sql`UPDATE idempotency_keys SET created_at = ${new Date(now.getTime() - 25 * 3_600_000)} WHERE key = 'm-3'`.execute(
      t.deps.db,
    );
    await sql`UPDATE idempotency_keys SET created_at = ${new Date(now.getTime() - 3_600_000)} WHERE key = 'm-1'`.execute(
      t.deps.db,
    );
    const { deleted } = await expireIdempotencyKeys(t.deps.db, now);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await t.deps.db.selectFrom("idempotency_keys").select("key").execute();
    expect(left.map((r) => r.key)).toContain("m-1");
    expect(left.map((r) => r.key)).not.toContain("m-3");
  });
});
