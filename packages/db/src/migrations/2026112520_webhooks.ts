/** @module Outgoing webhooks: URLs an admin registers, the events each wants, and the secret its payloads are signed with. */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhooks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      url text NOT NULL CHECK (url ~ '^https?://'),
      events text[] NOT NULL CHECK (cardinality(events) > 0),
      secret text NOT NULL CHECK (length(secret) >= 16),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE active;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhooks;`.execute(db);
}
