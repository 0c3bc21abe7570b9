/** @module The migration list, imported statically so migrations run the same from sources and from dist. */
import type { Migration, MigrationProvider } from "kysely";
import * as init from "./2026112501_init.js";
import * as webhooks from "./2026112520_webhooks.js";

/** Name → migration. Names sort by their timestamp prefix; add new ones at the end. */
export const migrations: Readonly<Record<string, Migration>> = {
  "2026112501_init": init,
  "2026112520_webhooks": webhooks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
