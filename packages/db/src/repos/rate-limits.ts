/**
 * @module Fixed-window rate-limit counters in PostgreSQL, so every server on one database counts the same hits:
 * one upsert per request returns the client's count in the current window.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends and the allowance starts afresh. */
  resetsAt: Date;
}

/** The start of the fixed window `now` falls in; windows are aligned to the epoch so every server agrees. */
export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Counts one hit by `clientKey` on `bucket` and returns the count so far in this window. */
export async function countRateLimitHit(
  db: Kysely<Database>,
  input: { bucket: string; clientKey: string; windowMs: number; now: Date },
): Promise<RateLimitHit> {
  if (!Number.isInteger(input.windowMs) || input.windowMs <= 0) {
    throw new RangeError(`windowMs must be a positive integer, not ${input.windowMs}`);
  }
  const start = windowStart(input.now, input.windowMs);
  const end = new Date(start.getTime() + input.windowMs);
  const row = await db
    .insertInto("rate_limit_windows")
    .values({ bucket: input.bucket, client_key: input.clientKey, window_start: start, window_end: end })
    .onConflict((oc) =>
      oc
        .columns(["bucket", "client_key", "window_start"])
        .doUpdateSet({ hits: sql<number>`rate_limit_windows.hits + 1` }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  return { hits: row.hits, resetsAt: end };
}

/** Deletes windows that ended before `now`; returns how many. */
export async function pruneRateLimitWindows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom("rate_limit_windows").where("window_end", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
