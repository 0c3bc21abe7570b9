/**
 * @module The contact form's allowance per client address, counted in PostgreSQL so every server shares it
 * (fixed windows; see `countRateLimitHit`). No in-memory fallback: without the database the form cannot store
 * a message anyway.
 */
import { countRateLimitHit, type Database } from "@keel/db";
import type { Kysely } from "kysely";

export const FORM_LIMIT = { max: 5, windowMs: 60_000 };
const BUCKET = "webform";

export type FormAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a submission from `client`; not allowed once the address is over its allowance for this window. */
export async function allowFormSubmission(
  db: Kysely<Database>,
  client: string,
  now: Date,
  limit: { max: number; windowMs: number } = FORM_LIMIT,
): Promise<FormAllowance> {
  const hit = await countRateLimitHit(db, {
    bucket: BUCKET,
    clientKey: client,
    windowMs: limit.windowMs,
    now,
  });
  if (hit.hits <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((hit.resetsAt.getTime() - now.getTime()) / 1000) };
}
