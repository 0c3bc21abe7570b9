/** @module Migrations go up, all the way down, and up again, on every backend. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDownAll, migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { backends, createTestDatabase, type TestDatabase } from "./testing.js";

const EXPECTED_TABLES = [
  "acknowledgments",
  "agent_cooldowns",
  "agent_load_events",
  "agents",
  "api_tokens",
  "attachments",
  "audit_log",
  "case_message_counts",
  "cases",
  "contacts",
  "customers",
  "escalation_rule_sets",
  "escalations",
  "followups",
  "idempotency_keys",
  "message_reactions_due",
  "messages",
  "notification_reads",
  "notifications",
  "promises",
  "rate_limit_windows",
  "reflections",
  "sessions",
  "settings",
  "teams",
  "webhooks",
];

describe.each(backends())("migrations on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend, { migrate: false });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const tables = async () =>
    (
      await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> 'keel_migrations' AND table_name <> 'keel_migrations_lock'
        ORDER BY table_name`.execute(t.db)
    ).rows.map((r) => r.table_name);

  it("names migrations by timestamp so they sort in order", () => {
    const names = Object.keys(migrations);
    expect(names.every((n) => /^\d{10}_[a-z_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it("goes up, down and up again", async () => {
    expect(await tables()).toEqual([]);
    const up = await migrateToLatest(t.db);
    expect(up).toEqual({ ok: true, value: Object.keys(migrations) });
    expect(await tables()).toEqual(EXPECTED_TABLES);

    expect(await migrateToLatest(t.db)).toEqual({ ok: true, value: [] });

    const down = await migrateDownAll(t.db);
    expect(down).toEqual({ ok: true, value: Object.keys(migrations).reverse() });
    expect(await tables()).toEqual([]);

    expect((await migrateToLatest(t.db)).ok).toBe(true);
    expect(await tables()).toEqual(EXPECTED_TABLES);
  });

  it("creates the indexes the queues rely on", async () => {
    const { rows } = await sql<{ indexname: string }>`
      SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`.execute(t.db);
    const names = rows.map((r) => r.indexname);
    for (const index of [
      "cases_status_priority_idx",
      "cases_assignee_status_idx",
      "messages_case_created_idx",
      "messages_case_external_id_key",
      "contacts_kind_value_key",
      "contacts_value_idx",
    ]) {
      expect(names).toContain(index);
    }
  });

  it("indexes every foreign key, so a lookup by it or a delete of the row it points to never reads a whole table", async () => {
    // Indexed: the key's columns lead an index over every row, or over every row where the (one) column is set.
    // Keys to agents are exempt: agents are deactivated, never deleted.
    const { rows } = await sql<{ key: string }>`
      WITH fk AS (
        SELECT c.oid, c.conrelid, c.conkey,
               (SELECT string_agg(a.attname, ', ' ORDER BY k.n)
                  FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
          FROM pg_constraint c
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.confrelid <> 'agents'::regclass)
      SELECT fk.conrelid::regclass::text || ' (' || fk.columns || ')' AS key
        FROM fk
       WHERE NOT EXISTS (
         SELECT 1 FROM pg_index i
          WHERE i.indrelid = fk.conrelid
            AND (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] @> fk.conkey
            AND (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] <@ fk.conkey
            AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) = '(' || fk.columns || ' IS NOT NULL)'))
       ORDER BY key`.execute(t.db);
    expect(rows.map((r) => r.key)).toEqual([]);
  });
});
