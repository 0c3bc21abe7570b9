/**
 * @module @keel/db — Keel's storage: schema, migrations, repositories (plain functions taking `db`), and the
 * embedded PostgreSQL 15 that runs by default. Lookups by id return results (`not_found`); lookups by value
 * (email, token hash) return `undefined` when nothing matches.
 */
export { EMBEDDED_DATABASE, type OpenDatabaseOptions, type OpenedDatabase, openDatabase } from "./connect.js";
export { type EmbeddedOptions, type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.js";
export { migrateDownAll, migrateToLatest } from "./migrate.js";
export { migrations } from "./migrations/index.js";
export { PREPARED } from "./prepared.js";
export * from "./repos/agent-load.js";
export * from "./repos/agents.js";
export * from "./repos/api-tokens.js";
export * from "./repos/attachments.js";
export * from "./repos/audit-log.js";
export * from "./repos/cases.js";
export * from "./repos/contact-blocks.js";
export * from "./repos/contacts.js";
export * from "./repos/customers.js";
export * from "./repos/escalations.js";
export * from "./repos/followups.js";
export * from "./repos/idempotency-keys.js";
export * from "./repos/inbound-context.js";
export * from "./repos/inbox.js";
export * from "./repos/messages.js";
export * from "./repos/notifications.js";
export * from "./repos/promises.js";
export * from "./repos/rate-limits.js";
export * from "./repos/reaction-queue.js";
export * from "./repos/reflections.js";
export * from "./repos/sessions.js";
export * from "./repos/settings.js";
export * from "./repos/teams.js";
export { type DbError, type DbErrorCode, type DbResult, fail, isUuid, ok } from "./result.js";
export * from "./schema.js";
export { closeOnShutdownSignals, type ShutdownOptions } from "./shutdown.js";
export { parseTimestamptz } from "./timestamps.js";
