/** @module Plain UTC calendar arithmetic for resolving parsed times to ISO strings, without a date library. */

export interface DayRef {
  /** Milliseconds at 00:00 UTC of the reference day. */
  dayMs: number;
  /** Full reference instant in milliseconds (equals dayMs when only a date was given). */
  instantMs: number;
  /** Whether the reference carried a time of day. */
  hasTime: boolean;
}

const DAY_MS = 86_400_000;

export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Parses "2026-03-14" or "2026-03-14T09:30[:00][Z|±hh:mm]"; null when it is not a valid ISO date. */
export function parseReference(iso: string | undefined): DayRef | null {
  if (typeof iso !== "string") return null;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      iso.trim(),
    );
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  const dayMs = Date.UTC(y, mo - 1, d);
  const hasTime = m[4] !== undefined;
  const instantMs = hasTime
    ? dayMs + (Number(m[4]) * 60 + Number(m[5])) * 60_000 + Number(m[6] ?? 0) * 1000
    : dayMs;
  return { dayMs, instantMs, hasTime };
}

export function isValidDate(y: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

export function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

export function weekdayOf(ms: number): number {
  return new Date(ms).getUTCDay();
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** Adds working days, skipping Saturdays and Sundays. */
export function addBusinessDays(ms: number, days: number): number {
  let out = ms;
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    out += DAY_MS;
    const wd = weekdayOf(out);
    if (wd !== 0 && wd !== 6) left--;
  }
  return out;
}

/** The next date (after the reference day, or the reference day itself when `includeToday`) on the given weekday. */
export function nextWeekday(ref: DayRef, weekday: number, includeToday: boolean): number {
  const today = weekdayOf(ref.dayMs);
  let delta = (weekday - today + 7) % 7;
  if (delta === 0 && !includeToday) delta = 7;
  return addDays(ref.dayMs, delta);
}

/** The first date on or after the reference day with this month/day (next year once it has passed). */
export function nextMonthDay(ref: DayRef, month: number, day: number): number | null {
  const y = yearOf(ref.dayMs);
  for (const year of [y, y + 1]) {
    if (!isValidDate(year, month, day)) continue;
    const ms = Date.UTC(year, month - 1, day);
    if (ms >= ref.dayMs) return ms;
  }
  return null;
}

/** The first date on or after the reference day whose day of month is `day`. */
export function nextDayOfMonth(ref: DayRef, day: number): number | null {
  const d = new Date(ref.dayMs);
  for (let i = 0; i < 3; i++) {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1 + i;
    const year = y + Math.floor((m - 1) / 12);
    const month = ((m - 1) % 12) + 1;
    if (!isValidDate(year, month, day)) continue;
    const ms = Date.UTC(year, month - 1, day);
    if (ms >= ref.dayMs) return ms;
  }
  return null;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}
