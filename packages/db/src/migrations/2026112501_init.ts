/** @module First schema: the desk's domain tables, their constraints and the indexes the queues need. */
import { type Kysely, sql } from "kysely";

// Closed sets are CHECK constraints rather than enum types: a new value is one ALTER, and down() stays trivial.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX teams_name_key ON teams (lower(name));

    CREATE TABLE agents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
      password_hash text,
      skills text[] NOT NULL DEFAULT '{}',
      capacity integer NOT NULL DEFAULT 10 CHECK (capacity >= 0),
      team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT agents_email_key UNIQUE (email)
    );
    CREATE INDEX agents_team_id_idx ON agents (team_id);

    CREATE TABLE customers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('email', 'phone', 'external_id')),
      value text NOT NULL CHECK (length(value) > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT contacts_kind_value_key UNIQUE (kind, value)
    );
    CREATE INDEX contacts_customer_id_idx ON contacts (customer_id);
    -- Lookups by value alone (a pasted address or number, whatever its kind).
    CREATE INDEX contacts_value_idx ON contacts (value);

    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      subject text NOT NULL,
      status text NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'open', 'pending_customer', 'pending_internal', 'resolved', 'closed')),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
      team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
      assignee_id uuid REFERENCES agents (id) ON DELETE SET NULL,
      tags text[] NOT NULL DEFAULT '{}',
      first_response_due_at timestamptz,
      first_responded_at timestamptz,
      resolution_due_at timestamptz,
      resolved_at timestamptz,
      sla_paused_at timestamptz,
      sla_paused_seconds integer NOT NULL DEFAULT 0 CHECK (sla_paused_seconds >= 0),
      portal_token_hash text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cases_status_priority_idx ON cases (status, priority);
    CREATE INDEX cases_assignee_status_idx ON cases (assignee_id, status);
    CREATE INDEX cases_team_status_idx ON cases (team_id, status);
    CREATE INDEX cases_customer_id_idx ON cases (customer_id);
    CREATE INDEX cases_tags_idx ON cases USING gin (tags);
    -- The SLA sweeper only ever looks at cases whose clock can still breach.
    CREATE INDEX cases_resolution_due_idx ON cases (resolution_due_at)
      WHERE status NOT IN ('resolved', 'closed');

    CREATE TABLE messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
      author_agent_id uuid REFERENCES agents (id) ON DELETE SET NULL,
      author_contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'web', 'api', 'chat', 'phone')),
      body text NOT NULL,
      raw_source text,
      external_message_id text,
      analysis jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT messages_single_author CHECK (author_agent_id IS NULL OR author_contact_id IS NULL),
      CONSTRAINT messages_case_external_id_key UNIQUE (case_id, external_message_id)
    );
    CREATE INDEX messages_case_created_idx ON messages (case_id, created_at);
    -- Threading: an email's In-Reply-To names a message id without knowing the case.
    CREATE INDEX messages_external_id_idx ON messages (external_message_id) WHERE external_message_id IS NOT NULL;

    CREATE TABLE attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
      content_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 0 AND 26214400),
      content bytea,
      disk_path text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT attachments_one_store CHECK ((content IS NULL) <> (disk_path IS NULL)),
      CONSTRAINT attachments_size_matches CHECK (content IS NULL OR octet_length(content) = size_bytes)
    );
    CREATE INDEX attachments_message_id_idx ON attachments (message_id);

    CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_kind text NOT NULL CHECK (actor_kind IN ('agent', 'contact', 'api_token', 'system')),
      actor_id uuid,
      entity text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL,
      before jsonb,
      after jsonb,
      at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
    CREATE INDEX audit_log_at_idx ON audit_log (at);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_tokens_agent_id_idx ON api_tokens (agent_id);

    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_agent_id_idx ON sessions (agent_id);
    CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

    CREATE TABLE idempotency_keys (
      key text NOT NULL,
      route text NOT NULL,
      request_hash text NOT NULL,
      response_status integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (key, route)
    );
    CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE idempotency_keys;
    DROP TABLE sessions;
    DROP TABLE api_tokens;
    DROP TABLE audit_log;
    DROP TABLE attachments;
    DROP TABLE messages;
    DROP TABLE cases;
    DROP TABLE contacts;
    DROP TABLE customers;
    DROP TABLE agents;
    DROP TABLE teams;
  `.execute(db);
}
