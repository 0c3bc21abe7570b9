/** @module Idempotency key repository on every backend: claim, replay, mismatch, in-progress, release, expiry. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import {
  beginIdempotentRequest,
  completeIdempotentRequest,
  deleteIdempotencyKeysBefore,
  releaseIdempotentRequest,
} from "./idempotency-keys.js";

const ROUTE = "POST /api/cases";

describe.each(backends())("idempotency keys on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("runs the first request, reports a concurrent retry as in progress, then replays the response", async () => {
    const request = { key: "k1", route: ROUTE, requestHash: "body-1" };
    expect(await beginIdempotentRequest(t.db, request)).toEqual({ ok: true, value: { state: "new" } });
    const during = await beginIdempotentRequest(t.db, request);
    expect(during.ok ? null : during.error.code).toBe("in_progress");
    const body = { id: "c1", tags: ["a", "b"] };
    expect((await completeIdempotentRequest(t.db, { key: "k1", route: ROUTE, status: 201, body })).ok).toBe(
      true,
    );
    expect(await beginIdempotentRequest(t.db, request)).toEqual({
      ok: true,
      value: { state: "replay", status: 201, body },
    });
  });

  it("refuses the same key with another body, and scopes keys per route", async () => {
    await beginIdempotentRequest(t.db, { key: "k2", route: ROUTE, requestHash: "body-a" });
    const other = await beginIdempotentRequest(t.db, { key: "k2", route: ROUTE, requestHash: "body-b" });
    expect(other.ok ? null : other.error.code).toBe("conflict");
    const otherRoute = await beginIdempotentRequest(t.db, {
      key: "k2",
      route: "POST /api/notes",
      requestHash: "x",
    });
    expect(otherRoute.ok && otherRoute.value.state).toBe("new");
  });

  it("lets a failed request be retried after release, and expires old keys", async () => {
    const request = { key: "k3", route: ROUTE, requestHash: "body" };
    await beginIdempotentRequest(t.db, request);
    expect(await releaseIdempotentRequest(t.db, request)).toBe(true);
    expect(await releaseIdempotentRequest(t.db, request)).toBe(false);
    const retry = await beginIdempotentRequest(t.db, request);
    expect(retry.ok && retry.value.state).toBe("new");
    const missing = await completeIdempotentRequest(t.db, {
      key: "nope",
      route: ROUTE,
      status: 200,
      body: null,
    });
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
    expect(await deleteIdempotencyKeysBefore(t.db, new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await deleteIdempotencyKeysBefore(t.db, new Date(Date.now() + 3_600_000))).toBeGreaterThanOrEqual(
      3,
    );
  });

  it("lets a retry take over a claim whose request never finished once its lease has run out", async () => {
    const request = { key: "k4", route: ROUTE, requestHash: "body" };
    expect((await beginIdempotentRequest(t.db, request, { leaseSeconds: 60 })).ok).toBe(true);
    // The server that claimed it was killed: nothing completes or releases the claim.
    const during = await beginIdempotentRequest(t.db, request, { leaseSeconds: 60 });
    expect(during.ok ? null : during.error.code).toBe("in_progress");
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '61 seconds' WHERE key = 'k4'`.execute(
      t.db,
    );
    const other = await beginIdempotentRequest(
      t.db,
      { ...request, requestHash: "another body" },
      { leaseSeconds: 60 },
    );
    expect(other.ok ? null : other.error.code).toBe("conflict");
    expect(await beginIdempotentRequest(t.db, request, { leaseSeconds: 60 })).toEqual({
      ok: true,
      value: { state: "new" },
    });
    // Taken over: the lease starts again, so a second retry waits for this one.
    const again = await beginIdempotentRequest(t.db, request, { leaseSeconds: 60 });
    expect(again.ok ? null : again.error.code).toBe("in_progress");
  });

  it("never takes over a finished request, however old", async () => {
    const request = { key: "k5", route: ROUTE, requestHash: "body" };
    await beginIdempotentRequest(t.db, request, { leaseSeconds: 1 });
    await completeIdempotentRequest(t.db, { key: "k5", route: ROUTE, status: 201, body: { id: "m5" } });
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '1 hour' WHERE key = 'k5'`.execute(
      t.db,
    );
    expect(await beginIdempotentRequest(t.db, request, { leaseSeconds: 1 })).toEqual({
      ok: true,
      value: { state: "replay", status: 201, body: { id: "m5" } },
    });
  });
});
