/**
 * @module Agent wellbeing and reflection: the emotional load agents take from hostile messages, cooldowns,
 * blocked contacts, the profanity-masking preference, and private reflection cards after hard cases.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE agents ADD COLUMN mask_profanity boolean NOT NULL DEFAULT false;

    ALTER TABLE contacts
      ADD COLUMN blocked_at timestamptz,
      ADD COLUMN blocked_reason text,
      ADD COLUMN blocked_by uuid REFERENCES agents (id) ON DELETE SET NULL,
      ADD CONSTRAINT contacts_blocked_reason CHECK ((blocked_at IS NULL) = (blocked_reason IS NULL));

    -- One row per hostile message an agent handled; the current load is their decayed sum.
    CREATE TABLE agent_load_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      message_id uuid REFERENCES messages (id) ON DELETE CASCADE,
      points real NOT NULL CHECK (points > 0 AND points <= 100),
      reason text NOT NULL,
      abusive boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- The same message weighs on an agent once, however many times they answer it.
      CONSTRAINT agent_load_events_agent_message_key UNIQUE (agent_id, message_id)
    );
    CREATE INDEX agent_load_events_agent_created_idx ON agent_load_events (agent_id, created_at);
    CREATE INDEX agent_load_events_case_idx ON agent_load_events (case_id);

    CREATE TABLE agent_cooldowns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      -- Set when the agent (or a supervisor) ends it before ends_at.
      ended_at timestamptz,
      reason text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX agent_cooldowns_agent_idx ON agent_cooldowns (agent_id, ends_at DESC);

    CREATE TABLE reflections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      went_well jsonb NOT NULL DEFAULT '[]',
      try_next jsonb NOT NULL DEFAULT '[]',
      message_ids uuid[] NOT NULL DEFAULT '{}',
      shared boolean NOT NULL DEFAULT false,
      shared_at timestamptz,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reflections_agent_case_key UNIQUE (agent_id, case_id)
    );
    CREATE INDEX reflections_shared_idx ON reflections (created_at DESC) WHERE shared;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE reflections;
    DROP TABLE agent_cooldowns;
    DROP TABLE agent_load_events;
    ALTER TABLE contacts DROP CONSTRAINT contacts_blocked_reason,
      DROP COLUMN blocked_by, DROP COLUMN blocked_reason, DROP COLUMN blocked_at;
    ALTER TABLE agents DROP COLUMN mask_profanity;
  `.execute(db);
}
