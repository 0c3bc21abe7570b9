/**
 * @module Rate-limit counters shared by every server on one database: one row per limit, client and fixed window.
 * Unlogged: the counts are worth nothing after a crash (the worst case is a fresh allowance), so they skip the WAL.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limit_windows (
      -- What is limited: "webform", or a route such as "POST /api/v1/auth/login".
      bucket text NOT NULL,
      -- Who is counted: a client address, or address and account.
      client_key text NOT NULL,
      window_start timestamptz NOT NULL,
      window_end timestamptz NOT NULL,
      hits integer NOT NULL DEFAULT 1 CHECK (hits > 0),
      PRIMARY KEY (bucket, client_key, window_start),
      CHECK (window_end > window_start)
    );
    CREATE INDEX rate_limit_windows_end_idx ON rate_limit_windows (window_end);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rate_limit_windows;`.execute(db);
}
