/** @module Runs the schema migrations through Kysely's Migrator (up to latest, or all the way down). */
import { type Kysely, type MigrationResultSet, Migrator, NO_MIGRATIONS } from "kysely";
import { migrationProvider } from "./migrations/index.js";
import { type DbResult, fail, ok } from "./result.js";
import type { Database } from "./schema.js";

const migratorFor = (db: Kysely<Database>) =>
  new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: "keel_migrations",
    migrationLockTableName: "keel_migrations_lock",
  });

function summarise(result: MigrationResultSet): DbResult<string[]> {
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (result.error === undefined) return ok(applied);
  const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration)";
  const reason = result.error instanceof Error ? result.error.message : String(result.error);
  return fail("migration_failed", `migration ${failed} failed: ${reason}`);
}

/** Applies every pending migration; returns the names applied in this call. */
export async function migrateToLatest(db: Kysely<Database>): Promise<DbResult<string[]>> {
  return summarise(await migratorFor(db).migrateToLatest());
}

/** Reverts every migration (used by tests and by a full reset). */
export async function migrateDownAll(db: Kysely<Database>): Promise<DbResult<string[]>> {
  return summarise(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}
