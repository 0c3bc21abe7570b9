/** @module The queue of inbound messages whose reactions still have to run (`message_reactions_due`). */
import { type Kysely, sql } from "kysely";
import { PREPARED } from "../prepared.js";
import type { Case, Database, JsonValue, Message } from "../schema.js";
import { rowFromJson } from "./json.js";
import { MESSAGE_COLUMNS } from "./messages.js";

export interface DueReaction {
  message: Message;
  /** The message's case as it was when claimed (null if it was deleted since). */
  case: Case | null;
  /** Whether the message's author has been blocked since (then only the blocked-contact reaction runs). */
  authorBlocked: boolean;
  /** Whether the case had earlier customer messages when this one was stored; null when not noted. */
  hadInbound: boolean | null;
  attempts: number;
}

/**
 * Takes up to `limit` queued messages (or the one `messageId`), oldest first, locking their queue rows until the transaction ends; rows
 * another transaction holds are skipped, so several servers and workers drain one queue without running a
 * message's reactions twice.
 */
export async function claimDueReactions(
  db: Kysely<Database>,
  limit: number,
  messageId?: string,
): Promise<DueReaction[]> {
  const only = messageId === undefined ? sql`` : sql`WHERE message_id = ${messageId}`;
  const { rows } = await sql<
    Message & { author_blocked: boolean; attempts: number; had_inbound: boolean | null; case_row: JsonValue }
  >`${PREPARED}
    WITH due AS (
      SELECT message_id, attempts, had_inbound, queued_at FROM message_reactions_due ${only}
       ORDER BY queued_at, message_id
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED)
    SELECT ${sql.join(MESSAGE_COLUMNS.map((c) => sql.ref(`m.${c}`)))}, due.attempts, due.had_inbound, (ct.blocked_at IS NOT NULL) AS author_blocked,
           to_json(c) AS case_row
      FROM due
      JOIN messages m ON m.id = due.message_id
      LEFT JOIN cases c ON c.id = m.case_id
      LEFT JOIN contacts ct ON ct.id = m.author_contact_id
     ORDER BY due.queued_at, due.message_id`.execute(db);
  return rows.map(({ author_blocked, attempts, had_inbound, case_row, ...message }) => ({
    message,
    case: rowFromJson<Case>(case_row),
    authorBlocked: author_blocked,
    hadInbound: had_inbound,
    attempts,
  }));
}

/** Removes messages from the queue: their reactions ran (in the caller's transaction). */
export async function clearDueReactions(db: Kysely<Database>, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await sql`${PREPARED} DELETE FROM message_reactions_due WHERE message_id = ANY(${messageIds}::uuid[])`.execute(
    db,
  );
}

/** Counts a failed run of a message's reactions; returns how many runs have failed so far. */
export async function recordReactionFailure(db: Kysely<Database>, messageId: string): Promise<number> {
  const row = await db
    .updateTable("message_reactions_due")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("message_id", "=", messageId)
    .returning("attempts")
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

/** How many messages wait for their reactions, and since when the oldest has. */
export async function dueReactionsBacklog(
  db: Kysely<Database>,
): Promise<{ count: number; oldestQueuedAt: Date | null }> {
  const row = await db
    .selectFrom("message_reactions_due")
    .select((eb) => [eb.fn.countAll<string>().as("count"), eb.fn.min("queued_at").as("oldest")])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldestQueuedAt: (row.oldest as Date | null) ?? null };
}
