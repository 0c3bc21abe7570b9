/** @module Notifications for agents and roles (reminders, alerts), and versioned admin settings stored as JSON. */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid REFERENCES agents(id) ON DELETE CASCADE,
      role text CHECK (role IN ('supervisor', 'admin')),
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      data jsonb,
      dedupe_key text UNIQUE,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((agent_id IS NULL) <> (role IS NULL))
    );
    CREATE INDEX notifications_agent_idx ON notifications (agent_id, created_at DESC) WHERE agent_id IS NOT NULL;
    CREATE INDEX notifications_role_idx ON notifications (role, created_at DESC) WHERE role IS NOT NULL;
    CREATE TABLE notification_reads (
      notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
      agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notification_id, agent_id)
    );
    CREATE TABLE settings (
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_.]{0,63}$'),
      version integer NOT NULL CHECK (version > 0),
      value jsonb NOT NULL,
      author_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (key, version)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE settings; DROP TABLE notification_reads; DROP TABLE notifications;`.execute(db);
}
