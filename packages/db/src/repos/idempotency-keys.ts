/**
 * @module Idempotency keys: a retried POST with the same key and body gets the first response back instead of
 * doing the work twice; the same key with a different body is refused.
 */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, ok } from "../result.js";
import type { Database, JsonValue } from "../schema.js";
import { jsonbOrNull } from "./json.js";

export interface IdempotentRequest {
  key: string;
  route: string;
  /** Hash of the request body, so a reused key with another body is detected. */
  requestHash: string;
}

export type IdempotencyStart = { state: "new" } | { state: "replay"; status: number; body: JsonValue | null };

/** How long an unfinished claim holds its key by default: longer than any request takes. */
export const DEFAULT_IDEMPOTENCY_LEASE_SECONDS = 300;

/**
 * Claims the key for this request. `new`: go ahead, then call completeIdempotentRequest. `replay`: answer with
 * the stored response. Fails with `conflict` (same key, different body) or `in_progress` (the first request
 * with this key has not finished). A claim left unfinished for longer than `leaseSeconds` — its server crashed
 * before it could answer or release it — is taken over by a retry with the same body, so such a key cannot stay
 * blocked for ever.
 */
export async function beginIdempotentRequest(
  db: Kysely<Database>,
  request: IdempotentRequest,
  options: { leaseSeconds?: number } = {},
): Promise<DbResult<IdempotencyStart>> {
  const lease = options.leaseSeconds ?? DEFAULT_IDEMPOTENCY_LEASE_SECONDS;
  const claimed = await db
    .insertInto("idempotency_keys")
    .values({ key: request.key, route: request.route, request_hash: request.requestHash })
    .onConflict((oc) =>
      oc
        .columns(["key", "route"])
        .doUpdateSet({ created_at: sql<Date>`now()` })
        .where("idempotency_keys.response_status", "is", null)
        .where("idempotency_keys.request_hash", "=", request.requestHash)
        .where("idempotency_keys.created_at", "<", sql<Date>`now() - make_interval(secs => ${lease})`),
    )
    .returning("key")
    .executeTakeFirst();
  if (claimed) return ok({ state: "new" });
  const stored = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("key", "=", request.key)
    .where("route", "=", request.route)
    .executeTakeFirst();
  // Deleted between the two statements (released or expired): the caller may simply retry.
  if (!stored) return fail("in_progress", `idempotency key ${request.key} is changing; retry`);
  if (stored.request_hash !== request.requestHash) {
    return fail("conflict", `idempotency key ${request.key} was already used with a different request`);
  }
  if (stored.response_status === null) {
    return fail("in_progress", `a request with idempotency key ${request.key} is still being processed`);
  }
  return ok({ state: "replay", status: stored.response_status, body: stored.response_body });
}

/** Stores the response to replay for this key. */
export async function completeIdempotentRequest(
  db: Kysely<Database>,
  request: { key: string; route: string; status: number; body: JsonValue | null },
): Promise<DbResult<{ key: string }>> {
  const row = await db
    .updateTable("idempotency_keys")
    .set({ response_status: request.status, response_body: jsonbOrNull(request.body) })
    .where("key", "=", request.key)
    .where("route", "=", request.route)
    .returning("key")
    .executeTakeFirst();
  return row ? ok(row) : fail("not_found", `idempotency key ${request.key} on ${request.route} not found`);
}

/** Forgets an unfinished claim (the handler failed), so the client's retry runs the request again. */
export async function releaseIdempotentRequest(
  db: Kysely<Database>,
  request: { key: string; route: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("key", "=", request.key)
    .where("route", "=", request.route)
    .where("response_status", "is", null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Removes keys created before `cutoff`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", sql<Date>`${cutoff}::timestamptz`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
