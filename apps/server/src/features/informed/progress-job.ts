/**
 * @module Progress-update reminders: a periodic check finds cases waiting on us (open, pending_internal) whose
 * customer has heard nothing for longer than the priority allows, and prompts the assignee once per silence with
 * a drafted update.
 */
import type { Case, Database } from "@keel/db";
import { type Kysely, sql } from "kysely";
import type { Clock } from "../../clock.js";
import { toJson } from "../../service-result.js";
import { notify } from "../notifications/service.js";
import { readSetting } from "../settings/service.js";
import { progressUpdatesSetting } from "./settings.js";
import { draftProgressUpdate } from "./update-draft.js";

export const PROGRESS_CHECK_QUEUE = "informed.progress-check";
export const PROGRESS_CHECK_EVERY_MS = 10 * 60_000;
export const PROGRESS_UPDATE_KIND = "progress_update_due";

export interface ProgressCheckReport {
  silent: number;
  /** Cases whose assignee was prompted by this run. */
  prompted: string[];
  /** Silent cases nobody is assigned to (the assignment queue shows them). */
  unassigned: number;
}

/** Cases waiting on us whose last customer-facing message is older than their priority's interval. */
async function findSilentCases(
  db: Kysely<Database>,
  now: Date,
  hours: Record<Case["priority"], number>,
): Promise<Array<{ kase: Case; lastUpdateAt: Date }>> {
  const lastUpdate = sql<Date>`coalesce((SELECT max(m.created_at) FROM messages m
    WHERE m.case_id = cases.id AND m.direction = 'outbound'), cases.created_at)`;
  const allowed = sql<number>`CASE cases.priority WHEN 'urgent' THEN ${hours.urgent}::float8
    WHEN 'high' THEN ${hours.high}::float8 WHEN 'normal' THEN ${hours.normal}::float8
    ELSE ${hours.low}::float8 END`;
  const rows = await db
    .selectFrom("cases")
    .selectAll("cases")
    .select(lastUpdate.as("last_update_at"))
    .where("status", "in", ["open", "pending_internal"])
    .where(sql<boolean>`${lastUpdate} < ${now}::timestamptz - ${allowed} * interval '1 hour'`)
    .orderBy("created_at")
    .limit(500)
    .execute();
  return rows.map(({ last_update_at, ...kase }) => ({ kase, lastUpdateAt: new Date(last_update_at) }));
}

export async function checkProgressUpdates(deps: {
  db: Kysely<Database>;
  clock: Clock;
}): Promise<ProgressCheckReport> {
  const now = deps.clock.now();
  const hours = await readSetting(deps.db, progressUpdatesSetting);
  const report: ProgressCheckReport = { silent: 0, prompted: [], unassigned: 0 };
  for (const { kase, lastUpdateAt } of await findSilentCases(deps.db, now, hours)) {
    report.silent++;
    if (kase.assignee_id === null) {
      report.unassigned++;
      continue;
    }
    const draft = await draftProgressUpdate(deps.db, kase, now, hours);
    if (!draft.ok) continue;
    const silentHours = Math.floor((now.getTime() - lastUpdateAt.getTime()) / 3_600_000);
    const stored = await notify(
      deps.db,
      {
        to: { agentId: kase.assignee_id },
        kind: PROGRESS_UPDATE_KIND,
        caseId: kase.id,
        title: `Case #${kase.number}: no update to the customer for ${silentHours} h`,
        body: draft.value.text,
        data: toJson({
          draft: draft.value.text,
          lastUpdateAt: lastUpdateAt.toISOString(),
          nextUpdateAt: draft.value.nextUpdateAt.toISOString(),
          nextPromise: draft.value.nextPromise,
        }),
        // One prompt per silence: a reply to the customer starts a new window with a new key.
        dedupeKey: `${PROGRESS_UPDATE_KIND}:${kase.id}:${lastUpdateAt.toISOString()}`,
      },
      now,
    );
    if (stored) report.prompted.push(kase.id);
  }
  return report;
}
