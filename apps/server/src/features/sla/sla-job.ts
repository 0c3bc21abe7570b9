/**
 * @module The SLA job: overdue cases get one notice each, by rule — a missed first response raises the priority a
 * step and lets the escalation rules decide; a missed resolution escalates. A tag marks what was done, so the
 * periodic check never repeats itself.
 */
import type { Jobs } from "../../jobs/jobs.js";
import { toJson } from "../../service-result.js";
import { bumpPriority, type CoreDeps, findOverdueCases, updateCase } from "../cases/service.js";
import { escalateForSla } from "../escalation/service.js";
import { WEBHOOK_DISPATCH_QUEUE } from "../webhooks/dispatch.js";

export const SLA_CHECK_QUEUE = "sla.check";
export const SLA_CHECK_EVERY_MS = 60_000;
/** Tags the job leaves on a case: its record of which breaches were already acted on. */
export const FIRST_RESPONSE_TAG = "sla-first-response-missed";
export const RESOLUTION_TAG = "sla-resolution-missed";

export interface SlaCheckReport {
  overdue: number;
  bumped: string[];
  escalated: string[];
}

export async function checkSla(deps: CoreDeps): Promise<SlaCheckReport> {
  const report: SlaCheckReport = { overdue: 0, bumped: [], escalated: [] };
  for (const { case: kase, breaches } of await findOverdueCases(deps.db, deps.clock.now())) {
    report.overdue++;
    const fresh: string[] = [];
    if (breaches.includes("first_response") && !kase.tags.includes(FIRST_RESPONSE_TAG)) {
      const bumped = await bumpPriority(deps, kase.id);
      if (bumped.ok) {
        await updateCase(
          deps,
          kase.id,
          { tags: [...bumped.value.tags, FIRST_RESPONSE_TAG] },
          undefined,
          "sla",
        );
        report.bumped.push(kase.id);
        fresh.push("first_response");
        const byRules = await escalateForSla(deps, kase.id, "first_response");
        if (byRules.ok && byRules.value.escalation) report.escalated.push(kase.id);
      }
    }
    if (breaches.includes("resolution") && !kase.tags.includes(RESOLUTION_TAG)) {
      const escalated = await escalateForSla(deps, kase.id, "resolution");
      if (escalated.ok) {
        await updateCase(
          deps,
          kase.id,
          { tags: [...escalated.value.case.tags, RESOLUTION_TAG] },
          undefined,
          "sla",
        );
        if (escalated.value.escalation) report.escalated.push(kase.id);
        fresh.push("resolution");
      }
    }
    if (fresh.length > 0) await notifyBreach(deps.jobs, kase.id, kase.number, fresh);
  }
  return report;
}

/** Announces the breach to webhook subscribers (chat alerts, paging) as `case.sla_breached`. */
async function notifyBreach(jobs: Jobs, caseId: string, number: number, breaches: string[]): Promise<void> {
  await jobs.send(WEBHOOK_DISPATCH_QUEUE, {
    event: "case.sla_breached",
    payload: toJson({ case_id: caseId, number, breaches }),
  });
}

/** Queues a check unless one is already waiting: several servers may tick, one check runs. */
export async function queueSlaCheck(jobs: Jobs): Promise<void> {
  await jobs.send(SLA_CHECK_QUEUE, {}, { singletonKey: "sla-check", retryLimit: 0 });
}
