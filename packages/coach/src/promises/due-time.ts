/** @module Turns a parsed time in a promise ("by Friday", "within 5 business days") into a due instant in the customer's zone. */
import type { ParsedTime } from "../types.js";
import { fromWall, type Zone } from "./zoned-time.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The reply's moment, as an instant and as the customer's wall clock. */
export interface DueReference {
  utcMs: number;
  wallMs: number;
  zone: Zone;
  businessDays: boolean;
}

/*
 * Conventions (shared with the labelled set): a day without a time is due at 17:00 local (close of business);
 * "morning" by 12:00, "afternoon" by 17:00, "evening"/"tonight" by 21:00; a window ("between 8am and 12pm") is due
 * at its end; "next week" by Friday 17:00 of that week; hour and minute durations count from the sending instant;
 * day and week durations count whole local days and land at 17:00.
 */
const CLOSE_OF_BUSINESS = 17 * 60;

function partOfDayMinutes(text: string): number {
  if (/morning/i.test(text)) return 12 * 60;
  if (/lunch/i.test(text)) return 13 * 60;
  if (/evening|tonight|night/i.test(text)) return 21 * 60;
  return CLOSE_OF_BUSINESS;
}

function addBusinessDays(dayMs: number, days: number): number {
  let out = dayMs;
  let left = Math.max(0, Math.min(366, Math.round(days)));
  while (left > 0) {
    out += DAY_MS;
    const wd = new Date(out).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return out;
}

function atMinutes(ref: DueReference, dayMs: number, minutes: number): string {
  return new Date(fromWall(ref.zone, dayMs + minutes * 60_000)).toISOString();
}

function durationDue(p: ParsedTime, ref: DueReference): string | null {
  const hours = p.hours;
  if (hours === undefined || !Number.isFinite(hours) || hours <= 0) return null;
  const dayUnit = /\b(?:days?|weeks?|wks?|months?)\b/i.test(p.span.text);
  if (!dayUnit) return new Date(ref.utcMs + hours * HOUR_MS).toISOString();
  const today = Math.floor(ref.wallMs / DAY_MS) * DAY_MS;
  const days = hours / 24;
  const business = ref.businessDays && /\b(?:business|working)\b/i.test(p.span.text);
  const day = business ? addBusinessDays(today, days) : today + Math.round(days) * DAY_MS;
  return atMinutes(ref, day, CLOSE_OF_BUSINESS);
}

/** The end of a written window ("between 8am and 12pm", "9-11am"), in minutes after midnight. */
function windowEnd(text: string): number | null {
  const m = /(?:-|–|\bto|\band)\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?\s*$/i.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  if (h < 1 || h > 12) return null;
  return ((h % 12) + ((m[3] ?? "").toLowerCase() === "p" ? 12 : 0)) * 60 + Number(m[2] ?? 0);
}

/** Friday of the week a "next week" resolution falls in. */
function fridayOf(dayMs: number): number {
  const wd = new Date(dayMs).getUTCDay();
  return dayMs + (wd === 0 ? -2 : 5 - wd) * DAY_MS;
}

/** ISO instant for a parsed time (resolved by the timeline parser against the wall-clock reference), or null. */
export function resolveDue(p: ParsedTime, ref: DueReference): string | null {
  if (p.kind === "duration") return durationDue(p, ref);
  const resolved = p.resolved;
  if (resolved === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?(Z)?$/.exec(resolved);
  if (!m) return null;
  let dayMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(dayMs)) return null;
  const text = p.span.text;
  if (m[4] !== undefined) {
    const minutes = windowEnd(text) ?? Number(m[4]) * 60 + Number(m[5]);
    // A zone written in the reply ("3pm EST") was already applied: the parser returns a UTC time.
    if (m[6] === "Z") return new Date(dayMs + minutes * 60_000).toISOString();
    return atMinutes(ref, dayMs, minutes);
  }
  if (/\bnext\s+week\b/i.test(text)) dayMs = fridayOf(dayMs);
  const due = atMinutes(ref, dayMs, partOfDayMinutes(text));
  // "Today" or "this afternoon" written after that part of the day has passed still means before the day ends.
  if (Date.parse(due) <= ref.utcMs) return atMinutes(ref, dayMs, END_OF_DAY);
  return due;
}

const END_OF_DAY = 23 * 60 + 59;
