/**
 * @module Test harness: every database suite runs once per backend — the embedded server of this test run and,
 * when TEST_DATABASE_URL is set, that external server too — each on a fresh database dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { CLIENT_OPTIONS } from "./connect.js";
import { migrateToLatest } from "./migrate.js";
import type { Database } from "./schema.js";
import { CONTROL_ENV } from "./testing-global-setup.js";

export type TestBackend = "embedded" | "external";

export interface TestDatabase {
  backend: TestBackend;
  db: Kysely<Database>;
  /** URL of the fresh database. */
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/** The backends to run database suites on: `describe.each(backends())`. */
export function backends(): TestBackend[] {
  return process.env.TEST_DATABASE_URL ? ["embedded", "external"] : ["embedded"];
}

async function serverUrl(backend: TestBackend): Promise<string> {
  if (backend === "external") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    return url;
  }
  const control = process.env[CONTROL_ENV];
  if (!control) throw new Error(`${CONTROL_ENV} is not set: run the tests through the root vitest.config.ts`);
  const reply = (await (await fetch(control, { method: "POST" })).json()) as { url?: string; error?: string };
  if (reply.url === undefined)
    throw new Error(`embedded PostgreSQL did not start: ${reply.error ?? "unknown"}`);
  return reply.url;
}

const withDatabase = (url: string, name: string) => {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
};

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the backend's server; migrated to latest unless `migrate: false`. */
export async function createTestDatabase(
  backend: TestBackend,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const server = await serverUrl(backend);
  const name = `keel_test_${randomBytes(6).toString("hex")}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: url, max: 4, ...CLIENT_OPTIONS }),
    }),
  });
  const drop = async () => {
    await db.destroy();
    // pg's pool.end() resolves before its sockets close; forcing the drop at once would cut those sessions off
    // mid-goodbye and their clients would raise an unhandled 57P01. Give them a moment to leave first.
    await admin(
      server,
      `DO $$ BEGIN
         FOR i IN 1..100 LOOP
           EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '${name}');
           PERFORM pg_sleep(0.02);
         END LOOP;
       END $$`,
    );
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  if (options.migrate !== false) {
    const migrated = await migrateToLatest(db);
    if (!migrated.ok) {
      await drop();
      throw new Error(migrated.error.message);
    }
  }
  return { backend, db, url, drop };
}
