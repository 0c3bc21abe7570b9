/** @module The migration list, imported statically so migrations run the same from sources and from dist. */
import type { Migration, MigrationProvider } from "kysely";
import * as init from "./2026112501_init.js";
import * as webhooks from "./2026112520_webhooks.js";
import * as notificationsSettings from "./2026112600_notifications_settings.js";
import * as escalation from "./2026112601_escalation.js";
import * as promises from "./2026112602_promises.js";
import * as followups from "./2026112603_followups.js";
import * as wellbeing from "./2026112604_wellbeing.js";
import * as rateLimits from "./2026112606_rate_limits.js";
import * as reactionQueue from "./2026112607_reaction_queue.js";
import * as scaleIndexes from "./2026112608_scale_indexes.js";
import * as caseMessageCounts from "./2026112609_case_message_counts.js";
import * as settingFieldsCamelCase from "./2026112610_setting_fields_camel_case.js";

/** Name → migration. Names sort by their timestamp prefix; add new ones at the end. */
export const migrations: Readonly<Record<string, Migration>> = {
  "2026112501_init": init,
  "2026112520_webhooks": webhooks,
  "2026112600_notifications_settings": notificationsSettings,
  "2026112601_escalation": escalation,
  "2026112602_promises": promises,
  "2026112603_followups": followups,
  "2026112604_wellbeing": wellbeing,
  "2026112606_rate_limits": rateLimits,
  "2026112607_reaction_queue": reactionQueue,
  "2026112608_scale_indexes": scaleIndexes,
  "2026112609_case_message_counts": caseMessageCounts,
  "2026112610_setting_fields_camel_case": settingFieldsCamelCase,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
