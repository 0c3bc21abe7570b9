/**
 * @module The periodic expiry of Idempotency-Keys: a key is kept a day (clients retry within minutes), then deleted,
 * so the table does not grow for ever. Unfinished claims are freed sooner by their lease (see `idempotency.ts`).
 */
import { type Database, deleteIdempotencyKeysBefore } from "@keel/db";
import type { Kysely } from "kysely";

export const IDEMPOTENCY_EXPIRY_QUEUE = "idempotency.expire";
export const IDEMPOTENCY_EXPIRY_EVERY_MS = 3_600_000;
/** How long a key replays its response. */
export const IDEMPOTENCY_KEEP_MS = 24 * 3_600_000;

export async function expireIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<{ deleted: number }> {
  return { deleted: await deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_KEEP_MS)) };
}
