/** @module Escalation: VIP customers, the versioned escalation rule sets, and the escalations in the supervisor queue. */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE customers ADD COLUMN IF NOT EXISTS vip boolean NOT NULL DEFAULT false;
    CREATE TABLE escalation_rule_sets (
      version integer PRIMARY KEY CHECK (version > 0),
      rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
      author_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE escalations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('rule', 'agent', 'sla')),
      rule_name text,
      severity smallint NOT NULL CHECK (severity BETWEEN 1 AND 3),
      reasons jsonb NOT NULL DEFAULT '[]',
      brief jsonb NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'resolved')),
      requested_by_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      taken_by_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      taken_at timestamptz,
      resolved_at timestamptz,
      note text CHECK (length(note) <= 2000),
      resolution_note text CHECK (length(resolution_note) <= 2000),
      -- The newest message the supervisor had in front of them (at escalating, then at resolving): a rule fires
      -- again after a resolution only on messages newer than this.
      seen_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- One escalation in the queue per case at a time: a second trigger finds the first instead of doubling it.
    CREATE UNIQUE INDEX escalations_one_active_per_case ON escalations (case_id) WHERE status <> 'resolved';
    CREATE INDEX escalations_queue_idx ON escalations (status, severity DESC, created_at DESC);
    CREATE INDEX escalations_case_idx ON escalations (case_id, created_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE escalations;
    DROP TABLE escalation_rule_sets;
    ALTER TABLE customers DROP COLUMN vip;
  `.execute(db);
}
