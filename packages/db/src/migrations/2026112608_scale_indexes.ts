/**
 * @module Indexes for desks with years of data. A customer's cases by time: the escalation check after each
 * message asks how many cases the customer opened before this one, which read every case of the customer (a
 * business account may have thousands); the new index also serves what the one on customer_id alone did.
 *
 * And an index behind every foreign key that can be followed at scale: the escalation check looks up a case's
 * follow-ups and a message's follow-up; erasing a customer deletes their contacts, cases and messages, and each
 * deleted row makes PostgreSQL look for the rows pointing at it — without an index, by reading the whole table
 * (every message, for each contact). Keys to agents are left out: agents are deactivated, never deleted.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX cases_customer_created_idx ON cases (customer_id, created_at);
    DROP INDEX cases_customer_id_idx;
    CREATE INDEX messages_author_contact_idx ON messages (author_contact_id) WHERE author_contact_id IS NOT NULL;
    CREATE INDEX agent_load_events_message_idx ON agent_load_events (message_id) WHERE message_id IS NOT NULL;
    CREATE INDEX followups_case_idx ON followups (case_id, answered_at DESC NULLS LAST);
    CREATE INDEX followups_message_idx ON followups (message_id) WHERE message_id IS NOT NULL;
    CREATE INDEX followups_team_idx ON followups (team_id) WHERE team_id IS NOT NULL;
    CREATE INDEX notifications_case_idx ON notifications (case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX promises_fulfilled_by_message_idx ON promises (fulfilled_by_message_id)
      WHERE fulfilled_by_message_id IS NOT NULL;
    CREATE INDEX reflections_case_idx ON reflections (case_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX messages_author_contact_idx, agent_load_events_message_idx, followups_case_idx, followups_message_idx,
      followups_team_idx, notifications_case_idx, promises_fulfilled_by_message_idx, reflections_case_idx;
    CREATE INDEX cases_customer_id_idx ON cases (customer_id);
    DROP INDEX cases_customer_created_idx;
  `.execute(db);
}
