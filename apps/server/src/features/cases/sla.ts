/**
 * @module SLA targets per priority and the due times they give. The clock stops while a case waits on the
 * customer; on resume the due times move later by the time spent waiting.
 */
import type { Case, CasePriority } from "@keel/db";

export interface SlaTarget {
  firstResponseHours: number;
  resolutionHours: number;
}

export type SlaTargets = Record<CasePriority, SlaTarget>;

export const DEFAULT_SLA_TARGETS: SlaTargets = {
  urgent: { firstResponseHours: 1, resolutionHours: 8 },
  high: { firstResponseHours: 4, resolutionHours: 24 },
  normal: { firstResponseHours: 8, resolutionHours: 72 },
  low: { firstResponseHours: 24, resolutionHours: 120 },
};

const HOUR_MS = 3_600_000;

/** Due times for a case opened at `openedAt` with this priority. */
export function dueTimes(
  priority: CasePriority,
  openedAt: Date,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const target = targets[priority];
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + target.firstResponseHours * HOUR_MS),
    resolutionDueAt: new Date(openedAt.getTime() + target.resolutionHours * HOUR_MS),
  };
}

/**
 * Due times after a priority change: recomputed from the case's opening (plus time paused), and never later than
 * the current ones — a raised priority tightens the SLA, a lowered one does not hand out extra time.
 */
export function dueTimesAfterPriorityChange(
  kase: Pick<Case, "created_at" | "sla_paused_seconds" | "first_response_due_at" | "resolution_due_at">,
  priority: CasePriority,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const opened = new Date(kase.created_at.getTime() + kase.sla_paused_seconds * 1000);
  const fresh = dueTimes(priority, opened, targets);
  const earlier = (a: Date, b: Date | null) => (b !== null && b < a ? b : a);
  return {
    firstResponseDueAt: earlier(fresh.firstResponseDueAt, kase.first_response_due_at),
    resolutionDueAt: earlier(fresh.resolutionDueAt, kase.resolution_due_at),
  };
}

/** Due times moved later by a pause that lasted from `pausedAt` to `resumedAt`. */
export function shiftedDueTimes(
  kase: Pick<Case, "first_response_due_at" | "first_responded_at" | "resolution_due_at">,
  pausedAt: Date,
  resumedAt: Date,
): { firstResponseDueAt: Date | null; resolutionDueAt: Date | null } {
  const paused = Math.max(0, Math.floor((resumedAt.getTime() - pausedAt.getTime()) / 1000) * 1000);
  const shift = (due: Date | null) => (due === null ? null : new Date(due.getTime() + paused));
  return {
    // A first response already given has nothing left to wait for.
    firstResponseDueAt:
      kase.first_responded_at === null ? shift(kase.first_response_due_at) : kase.first_response_due_at,
    resolutionDueAt: shift(kase.resolution_due_at),
  };
}

const PRIORITY_ORDER: readonly CasePriority[] = ["low", "normal", "high", "urgent"];

/** One step more urgent; urgent stays urgent. */
export function nextPriority(priority: CasePriority): CasePriority {
  const index = PRIORITY_ORDER.indexOf(priority);
  return PRIORITY_ORDER[Math.min(index + 1, PRIORITY_ORDER.length - 1)] ?? "urgent";
}

export function isMoreUrgent(a: CasePriority, b: CasePriority): boolean {
  return PRIORITY_ORDER.indexOf(a) > PRIORITY_ORDER.indexOf(b);
}

/**
 * SLA targets from a setting like `urgent=1/8,high=4/24,normal=8/72,low=24/120` (first response / resolution, in
 * hours). Priorities left out keep their defaults; anything unreadable is reported, not guessed.
 */
export function parseSlaTargets(
  setting: string | undefined,
): { ok: true; value: SlaTargets } | { ok: false; message: string } {
  const targets: SlaTargets = { ...DEFAULT_SLA_TARGETS };
  if (setting === undefined || setting.trim() === "") return { ok: true, value: targets };
  for (const part of setting.split(",")) {
    const match = /^\s*(urgent|high|normal|low)\s*=\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) return { ok: false, message: `"${part.trim()}" should look like high=4/24 (hours)` };
    const [, priority, first, resolution] = match as unknown as [string, CasePriority, string, string];
    if (Number(first) <= 0 || Number(resolution) < Number(first)) {
      return {
        ok: false,
        message: `${priority}: targets must be positive, resolution no earlier than first response`,
      };
    }
    targets[priority] = { firstResponseHours: Number(first), resolutionHours: Number(resolution) };
  }
  return { ok: true, value: targets };
}
