/** @module Opens Keel's database: an external server when DATABASE_URL is set, else the embedded one; then migrates. */
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.js";
import { migrateToLatest } from "./migrate.js";
import { PreparingClient } from "./prepared.js";
import { type DbResult, fail, ok } from "./result.js";
import type { Database } from "./schema.js";
import { keelTypes } from "./timestamps.js";

/** How Keel's connections talk to PostgreSQL (prepared statements, timestamps read fast): every pool, tests' too. */
export const CLIENT_OPTIONS = { Client: PreparingClient, types: keelTypes } as const;

export interface OpenDatabaseOptions {
  /** An external server; takes precedence over DATABASE_URL. When neither is set, the embedded server starts. */
  databaseUrl?: string;
  /** Data directory for the embedded server (default `./data`). */
  dataDir?: string;
  log?: (line: string) => void;
  /** Pool size (default 10; the embedded server allows 40 connections). */
  maxConnections?: number;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Connection string in use (contains the password of the embedded server — do not log it). */
  url: string;
  /** Null when an external server is used. */
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops the embedded server if one was started. Safe to call twice. */
  close(): Promise<void>;
}

/** The database Keel keeps its tables in on the embedded server. */
export const EMBEDDED_DATABASE = "keel";

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DbResult<OpenedDatabase>> {
  const log = options.log ?? (() => undefined);
  const externalUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  if (externalUrl !== undefined && externalUrl !== "") {
    url = externalUrl;
  } else {
    const started = await startEmbeddedPostgres({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      log,
    });
    if (!started.ok) return started;
    embedded = started.value;
    try {
      url = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
    } catch (error) {
      await embedded.stop();
      return fail(
        "start_failed",
        `cannot create the ${EMBEDDED_DATABASE} database: ${(error as Error).message}`,
      );
    }
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...CLIENT_OPTIONS,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => log(`database connection error: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await db.destroy();
      await embedded?.stop();
    })();
    return closing;
  };

  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await close();
    return fail("start_failed", `cannot reach the database: ${(error as Error).message}`);
  }
  try {
    const migrated = await migrateToLatest(db);
    if (!migrated.ok) {
      await close();
      return migrated;
    }
    if (migrated.value.length > 0) log(`applied migrations: ${migrated.value.join(", ")}`);
  } catch (error) {
    await close();
    return fail("migration_failed", `migrations could not run: ${(error as Error).message}`);
  }
  return ok({ db, pool, url, embedded, close });
}

/** Creates `name` on the server behind `serverUrl` if missing; returns a URL pointing at it. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}
