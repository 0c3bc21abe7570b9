/**
 * @module Keeping customers informed: the acknowledgment each new case got (or why none was sent), and the
 * follow-up sent some days after a case is resolved with its answer (did the fix hold, CSAT, comment).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE acknowledgments (
      case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
      skipped_reason text CHECK (length(skipped_reason) <= 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX acknowledgments_message_idx ON acknowledgments (message_id) WHERE message_id IS NOT NULL;
    CREATE TABLE followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      due_at timestamptz NOT NULL,
      sent_at timestamptz,
      message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
      token_hash text UNIQUE,
      link_expires_at timestamptz,
      answered_at timestamptz,
      fix_held boolean,
      csat smallint CHECK (csat BETWEEN 1 AND 5),
      comment text CHECK (length(comment) <= 5000),
      comment_anger smallint CHECK (comment_anger BETWEEN 0 AND 3),
      outcome text CHECK (outcome IN ('closed', 'reopened')),
      cancelled_at timestamptz,
      cancel_reason text CHECK (length(cancel_reason) <= 200),
      agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((answered_at IS NULL) = (outcome IS NULL)),
      CHECK (answered_at IS NULL OR (fix_held IS NOT NULL AND csat IS NOT NULL)),
      CHECK (answered_at IS NULL OR sent_at IS NOT NULL),
      CHECK (answered_at IS NULL OR cancelled_at IS NULL)
    );
    CREATE UNIQUE INDEX followups_live_case_idx ON followups (case_id)
      WHERE answered_at IS NULL AND cancelled_at IS NULL;
    CREATE INDEX followups_due_idx ON followups (due_at) WHERE sent_at IS NULL AND cancelled_at IS NULL;
    CREATE INDEX followups_answered_idx ON followups (answered_at) WHERE answered_at IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE followups; DROP TABLE acknowledgments;`.execute(db);
}
