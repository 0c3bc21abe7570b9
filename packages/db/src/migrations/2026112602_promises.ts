/** @module The promise ledger: commitments agents make in replies, tracked until kept or cancelled; customers get a timezone. */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- NULL: the desk's timezone (the "desk" setting, UTC until an admin sets it).
    ALTER TABLE customers ADD COLUMN timezone text CHECK (length(timezone) BETWEEN 1 AND 64);
    CREATE TABLE promises (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      owner_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      owed_by text NOT NULL CHECK (owed_by IN ('agent', 'team', 'company')),
      kind text NOT NULL CHECK (kind IN ('callback', 'update', 'refund', 'replacement', 'fix', 'other')),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      span_text text NOT NULL,
      span_start integer NOT NULL CHECK (span_start >= 0),
      span_end integer NOT NULL CHECK (span_end >= span_start),
      confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      due_at timestamptz,
      due_text text,
      timezone text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'cancelled')),
      fulfilled_at timestamptz,
      fulfilled_by_kind text CHECK (fulfilled_by_kind IN ('agent', 'reply')),
      fulfilled_by_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      fulfilled_by_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
      cancelled_at timestamptz,
      cancel_reason text,
      reminded_at timestamptz,
      overdue_alerted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (message_id, span_start),
      CHECK ((status = 'fulfilled') = (fulfilled_at IS NOT NULL)),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
    );
    CREATE INDEX promises_case_idx ON promises (case_id, created_at);
    CREATE INDEX promises_owner_idx ON promises (owner_agent_id, status, due_at);
    CREATE INDEX promises_open_due_idx ON promises (due_at) WHERE status = 'open' AND due_at IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE promises; ALTER TABLE customers DROP COLUMN timezone;`.execute(db);
}
