/** @module The migration list, imported statically so migrations run the same from sources and from dist. */
import type { Migration, MigrationProvider } from "kysely";
import * as init from "./2026112501_init.js";

/** Name → migration. Names sort by their timestamp prefix; add new ones at the end. */
export const migrations: Readonly<Record<string, Migration>> = {
  "2026112501_init": init,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
