/**
 * @module Admin settings' fields in camelCase, as every other field of the API: `wellbeing`, `routing`,
 * `abuse_policy` and `followups` stored theirs in snake_case. Every stored version is renamed (the history is
 * restorable, so it must read with the new fields too); a value that no longer fits its schema would read as the
 * default, so leaving them would lose what an admin saved. Fields not in the list are kept as they are.
 */
import { type Kysely, sql } from "kysely";

/** Setting key → [field as stored before, field now]. Frozen here: the settings' schemas may change later. */
export const RENAMED_SETTING_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  wellbeing: [
    ["cooldown_minutes", "cooldownMinutes"],
    ["load_threshold", "loadThreshold"],
    ["half_life_hours", "halfLifeHours"],
    ["auto_cooldown", "autoCooldown"],
  ],
  routing: [["auto_assign", "autoAssign"]],
  abuse_policy: [
    ["warnings_before_ending", "warningsBeforeEnding"],
    ["warning_text", "warningText"],
    ["closing_text", "closingText"],
    ["other_channel", "otherChannel"],
  ],
  followups: [
    ["delay_days", "delayDays"],
    ["link_days", "linkDays"],
  ],
};

async function rename(db: Kysely<unknown>, direction: "up" | "down"): Promise<void> {
  for (const [key, fields] of Object.entries(RENAMED_SETTING_FIELDS)) {
    const pairs = fields.map(([before, now]) => (direction === "up" ? [before, now] : [now, before]));
    const from = pairs.map(([name]) => name);
    const to = pairs.map(([, name]) => name);
    // Each top-level field renamed when listed, kept otherwise; only values that hold a field to rename change.
    await sql`
      UPDATE settings SET value = (
          SELECT coalesce(jsonb_object_agg(coalesce(r.name_to, f.key), f.value), '{}'::jsonb)
            FROM jsonb_each(settings.value) AS f
            LEFT JOIN unnest(${from}::text[], ${to}::text[]) AS r(name_from, name_to) ON r.name_from = f.key)
        WHERE key = ${key} AND jsonb_typeof(value) = 'object' AND value ?| ${from}::text[]`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rename(db, "up");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rename(db, "down");
}
