/**
 * @module The queue of inbound messages whose reactions (escalation rules, routing, acknowledgment…) are still to
 * run. A row is written in the message's own transaction and deleted in the transaction that runs the reactions,
 * so each message's reactions run once, even across a crash.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE message_reactions_due (
      message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
      queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      -- Whether the case had earlier customer messages when this one was stored (null: not known), so the
      -- reactions need not count them again.
      had_inbound boolean,
      -- Runs whose reactions failed for this message; after a few it is set aside (see the server's reactions).
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0)
    );
    CREATE INDEX message_reactions_due_queued_idx ON message_reactions_due (queued_at);
    -- A customer's latest messages on a case, read for every new one: in index order, so the read stays a few
    -- index entries however long the thread grows (the (case_id, created_at) index needed a sort of the whole thread).
    CREATE INDEX messages_case_inbound_latest_idx ON messages (case_id, created_at DESC, id DESC)
      WHERE direction = 'inbound';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX messages_case_inbound_latest_idx; DROP TABLE message_reactions_due;`.execute(db);
}
