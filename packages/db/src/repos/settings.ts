/** @module Settings: versioned JSON values by key; every save adds a version, the highest is current. */
import type { Kysely } from "kysely";
import type { Database, JsonValue, SettingVersion } from "../schema.js";
import { jsonb } from "./json.js";

export async function currentSetting(db: Kysely<Database>, key: string): Promise<SettingVersion | undefined> {
  return db
    .selectFrom("settings")
    .selectAll()
    .where("key", "=", key)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function settingHistory(
  db: Kysely<Database>,
  key: string,
  limit = 50,
): Promise<SettingVersion[]> {
  return db
    .selectFrom("settings")
    .selectAll()
    .where("key", "=", key)
    .orderBy("version", "desc")
    .limit(limit)
    .execute();
}

/**
 * Saves a new version. Two saves racing for the same version: the loser's insert fails on the primary key and is
 * retried on the next number, so no save is lost and versions stay gapless.
 */
export async function saveSetting(
  db: Kysely<Database>,
  key: string,
  value: JsonValue,
  authorAgentId: string | null,
  at?: Date,
): Promise<SettingVersion> {
  for (let attempt = 0; ; attempt++) {
    const latest = await currentSetting(db, key);
    const version = (latest?.version ?? 0) + 1;
    const saved = await db
      .insertInto("settings")
      .values({
        key,
        version,
        value: jsonb(value),
        author_agent_id: authorAgentId,
        ...(at === undefined ? {} : { created_at: at }),
      })
      .onConflict((oc) => oc.columns(["key", "version"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (saved) return saved;
    if (attempt >= 5) throw new Error(`setting ${key}: too many concurrent saves`);
  }
}
