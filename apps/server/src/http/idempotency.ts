/**
 * @module Idempotency-Key on POST: the first response to a key is stored; a retry with the same key and body gets
 * it back (with `idempotent-replayed: true`), the same key with another body gets 409 `idempotency_conflict`.
 * Keys are scoped to the route path and the caller, so two clients cannot see each other's responses.
 */
import { createHash } from "node:crypto";
import {
  beginIdempotentRequest,
  completeIdempotentRequest,
  type Database,
  type JsonValue,
  releaseIdempotentRequest,
} from "@keel/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { AppError } from "../errors.js";
import { toJson } from "../service-result.js";

export const IDEMPOTENCY_HEADER = "idempotency-key";

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { key: string; route: string } | null;
  }
}

/** JSON with object keys sorted, so the same body written in another key order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function scopeOf(request: FastifyRequest): string {
  const path = request.url.split("?")[0] ?? request.url;
  const who = request.principal ? `agent:${request.principal.agent.id}` : `anonymous`;
  return `${request.method} ${path} ${who}`;
}

/**
 * For a route whose work runs in one transaction: writes the response for the request's Idempotency-Key inside that
 * transaction, so a crash can never leave the work committed with its key unanswered (a retry would run it again).
 * Undefined when the request has no key. The route clears `request.idempotency` once the transaction committed.
 */
export function completeIdempotencyWithin<T>(
  request: FastifyRequest,
  respond: (stored: T) => { status: number; body: unknown },
): ((trx: Kysely<Database>, stored: T) => Promise<void>) | undefined {
  const claim = request.idempotency;
  if (!claim) return undefined;
  return async (trx, stored) => {
    const { status, body } = respond(stored);
    const done = await completeIdempotentRequest(trx, { ...claim, status, body: toJson(body) });
    if (!done.ok) throw new Error(`idempotency key not completed: ${done.error.message}`);
  };
}

export function installIdempotency(
  app: FastifyInstance,
  db: Kysely<Database>,
  options: { leaseSeconds?: number } = {},
): void {
  app.decorateRequest("idempotency", null);

  /** Claims the request's key, or answers it (a replay) or refuses it. */
  const claimKey = async (
    request: FastifyRequest,
    reply: FastifyReply,
    header: string | string[],
  ): Promise<void> => {
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 200) {
      throw new AppError(
        "validation_failed",
        "headers.idempotency-key: must be 1–200 characters",
        "headers.idempotency-key",
      );
    }
    const route = scopeOf(request);
    const requestHash = createHash("sha256")
      .update(canonical(request.body ?? null))
      .digest("hex");
    const started = await beginIdempotentRequest(
      db,
      { key, route, requestHash },
      options.leaseSeconds === undefined ? {} : { leaseSeconds: options.leaseSeconds },
    );
    if (!started.ok) {
      if (started.error.code === "conflict") {
        throw new AppError(
          "idempotency_conflict",
          "This Idempotency-Key was already used with a different body.",
        );
      }
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still being processed; retry shortly.",
      );
    }
    if (started.value.state === "replay") {
      reply
        .status(started.value.status)
        .header("idempotent-replayed", "true")
        .type("application/json; charset=utf-8")
        .serializer((payload: unknown) => JSON.stringify(payload))
        .send(started.value.body);
      return;
    }
    request.idempotency = { key, route };
  };

  /** Stores (or, after a 5xx, releases) the answer to a key the route left unanswered. */
  const settleKey = async (
    claim: { key: string; route: string },
    reply: FastifyReply,
    payload: unknown,
  ): Promise<void> => {
    if (reply.statusCode >= 500) {
      await releaseIdempotentRequest(db, claim);
      return;
    }
    let body: JsonValue | null = null;
    if (typeof payload === "string" && payload.length > 0) {
      try {
        body = JSON.parse(payload) as JsonValue;
      } catch {
        body = null;
      }
    }
    await completeIdempotentRequest(db, { ...claim, status: reply.statusCode, body });
  };

  // Both hooks run on every request and most have no key: callback style, so those cost no promise.
  app.addHook("preHandler", (request, reply, done) => {
    const header = request.method === "POST" ? request.headers[IDEMPOTENCY_HEADER] : undefined;
    if (header === undefined) {
      done();
      return;
    }
    claimKey(request, reply, header).then(() => done(), done);
  });

  app.addHook("onSend", (request, reply, payload, done) => {
    const claim = request.idempotency;
    if (!claim) {
      done(null, payload);
      return;
    }
    request.idempotency = null;
    settleKey(claim, reply, payload).then(() => done(null, payload), done);
  });
}
