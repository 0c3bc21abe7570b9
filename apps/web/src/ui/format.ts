/** @module Small formatting helpers shared by the screens: relative times, durations and labels in plain words. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min", "5 h", "2 days" — the size of a time difference. */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < 2 * DAY) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / DAY)} days`;
}

/** "5 min ago" or "in 2 h". */
export function relative(iso: string, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  if (Math.abs(diff) < MINUTE) return "just now";
  return diff < 0 ? `${duration(diff)} ago` : `in ${duration(diff)}`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "pending_customer" → "pending customer". */
export const words = (value: string): string => value.replaceAll("_", " ");

export const STATUS_LABELS: Record<string, string> = {
  new: "New",
  open: "Open",
  pending_customer: "Waiting on customer",
  pending_internal: "Waiting on us",
  resolved: "Resolved",
  closed: "Closed",
};

export const THREAT_LABELS: Record<string, string> = {
  legal: "legal",
  churn: "leaving",
  social_media: "public post",
  regulator: "regulator",
  chargeback: "chargeback",
};
