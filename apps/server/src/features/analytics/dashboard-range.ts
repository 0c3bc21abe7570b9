/** @module The dashboard's range of whole UTC days: defaults, checks, and the days in it. */
import { type DashboardQuery, MAX_DASHBOARD_DAYS } from "@keel/contracts";
import { failure, type Result, success } from "../../service-result.js";

const DAY_MS = 86_400_000;
/** The default range: the last two weeks, today included. */
export const DEFAULT_DASHBOARD_DAYS = 14;

export interface DayRange {
  from: string;
  to: string;
  /** First instant of `from`. */
  start: Date;
  /** First instant after `to` (exclusive end). */
  end: Date;
  days: string[];
}

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);
const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The range a query asks for, or what to fix in it. */
export function dashboardRange(query: DashboardQuery, now: Date): Result<DayRange> {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? dayOf(new Date(startOf(to).getTime() - (DEFAULT_DASHBOARD_DAYS - 1) * DAY_MS));
  const start = startOf(from);
  const end = new Date(startOf(to).getTime() + DAY_MS);
  if (start >= end)
    return failure("validation_failed", `from (${from}) must not be after to (${to}).`, "from");
  const count = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  if (count > MAX_DASHBOARD_DAYS) {
    return failure(
      "validation_failed",
      `The range covers ${count} days; ask for at most ${MAX_DASHBOARD_DAYS}.`,
      "from",
    );
  }
  const days = Array.from({ length: count }, (_, i) => dayOf(new Date(start.getTime() + i * DAY_MS)));
  return success({ from, to, start, end, days });
}
