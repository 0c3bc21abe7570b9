/**
 * @module The periodic pruning of rate-limit windows: a window is worthless once it has ended, so ended ones are
 * deleted every few minutes and the table stays as small as the number of recent clients.
 */
import { type Database, pruneRateLimitWindows } from "@keel/db";
import type { Kysely } from "kysely";

export const RATE_LIMIT_PRUNE_QUEUE = "rate-limits.prune";
export const RATE_LIMIT_PRUNE_EVERY_MS = 5 * 60_000;

export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<{ deleted: number }> {
  return { deleted: await pruneRateLimitWindows(db, now) };
}
