/** @module Dependency-free parsing of concrete times and dates in replies ("by Friday", "within 24 hours"). */
import type { ParsedTime } from "../types.js";
import {
  addBusinessDays,
  addDays,
  type DayRef,
  isoDate,
  isoDateTime,
  isValidDate,
  MONTHS,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
  parseReference,
  WEEKDAYS,
} from "./calendar.js";
import { isWordChar, someDigitRun } from "./chars.js";
import { capBlankRuns } from "./match.js";
import { isCustomerDeadline } from "./timeline-deadline.js";
import type { Tokenized } from "./tokenize.js";

type Kind = ParsedTime["kind"];

/** A match before resolution: where it is, what it is, and how to turn it into a date given a reference day. */
interface Candidate {
  start: number;
  end: number;
  kind: Kind;
  /** Returns epoch ms of the day (00:00 UTC) the expression points at, or null. */
  day?: (ref: DayRef) => number | null;
  /** Minutes after midnight, for times; plus an offset in minutes from UTC when a zone was written. */
  minutes?: number;
  zoneOffset?: number;
  hours?: number;
  /** Durations resolve from the reference instant rather than to a day. */
  duration?: { amount: number; unitHours: number; business: boolean };
}

const MONTH_ALT =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAY_ALT = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs";
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  "twenty-four": 24,
  "twenty four": 24,
  "forty-eight": 48,
  "forty eight": 48,
  "seventy-two": 72,
  "seventy two": 72,
  the: 1,
  "half an": 0.5,
  "half a": 0.5,
};
const NUM_ALT = `\\d{1,3}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")}`;
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  pst: -480,
  pdt: -420,
};
const PREP = "(?:(?:by|before|until|till|on|from|at|around|for|after)\\s+)?";

const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+at\s+|\s+)(\d{1,2}):(\d{2}))?\b/gi;
const NUMERIC_DATE_RE =
  /\b(?:(on|by|before|until|till|from|due|dated|for)\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b(?![/\d])/gi;
const DAY_MONTH_RE = new RegExp(
  `\\b${PREP}(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT})\\b(?:\\.(?=\\s*\\d))?(?:,?\\s+(\\d{4})\\b)?`,
  "gi",
);
const MONTH_DAY_RE = new RegExp(
  `\\b${PREP}(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:\\d])(?:,?\\s+(\\d{4})\\b)?`,
  "gi",
);
const THE_NTH_RE = /\b(?:(?:by|before|until|till|on|from|for)\s+)?the\s+(\d{1,2})(st|nd|rd|th)\b/gi;
const WEEKDAY_RE = new RegExp(
  `\\b(?:(?:by|before|until|till|on|from|every|for)\\s+)?(?:(?:the\\s+)?(next|this|coming|this\\s+coming)\\s+)?(${WEEKDAY_ALT})\\b(?:\\s+(morning|afternoon|evening|night))?`,
  "gi",
);
/** "Saturday 30th", "Monday the 2nd": a weekday pinned to a day of the month. */
const WEEKDAY_ORDINAL_RE = new RegExp(
  `\\b(?:(?:by|before|until|till|on|from|for)\\s+)?(?:${WEEKDAY_ALT})\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b`,
  "gi",
);
const RELATIVE_RE =
  /\b(?:(?:by|before|until|till|for|from)\s+)?(?:(the\s+day\s+after\s+tomorrow)|(?:first\s+thing\s+)?(later\s+today|today|tonight|tomorrow|tmrw)(?:\s+(?:morning|afternoon|evening|night|lunchtime))?|(?:later\s+)?(this|next)\s+(morning|afternoon|evening|weekend|week|month)|(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+|next\s+)?(day|business(?:\s+day)?|play|week|month)|(eod|cob|eow))\b/gi;
const TIME_AMPM_RE =
  /\b(?:(?:by|before|until|till|at|from|around)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])(?:m\b|\.m\.)(?:\s*(utc|gmt|bst|cest|cet|est|edt|cst|cdt|pst|pdt))?/gi;
const TIME_RANGE_RE =
  /\b(?:between|from)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])m\s*)?(?:-|–|to|and)\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])(?:m\b|\.m\.)/gi;
const TIME_24_RE =
  /(?<![\d:/.])\b(?:(?:by|before|until|till|at|from|around)\s+)?([01]?\d|2[0-3]):([0-5]\d)\b(?![:\d])(?:\s*(utc|gmt|bst|cest|cet|est|edt|cst|cdt|pst|pdt|z)\b)?/gi;
const TIME_WORD_RE = /\b(?:(?:by|before|until|till|at|from|around)\s+)?(noon|midday|midnight)\b/gi;
const DURATION_RE = new RegExp(
  `\\b(?:(within|in|up\\s+to|under|less\\s+than|no\\s+more\\s+than|over|for|takes?|allow|about|around|approximately|roughly|another)\\s+)?(?:(?:the\\s+)?(?:next|coming)\\s+)?(${NUM_ALT})(?:\\s*(?:-|–|—|to|or)\\s*(\\d{1,3}))?(?:\\s+(?:more|extra|further))?\\s*(business|working|calendar)?\\s*(minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?)\\b`,
  "gi",
);

const NO_MATCHES: readonly RegExpExecArray[] = [];

/** Every match of a global pattern, by an exec loop: `matchAll` copies the regex on each call. */
function matchesOf(text: string, re: RegExp): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = re.exec(text)) {
    out.push(m);
    // None of the patterns can match empty text; this only guards against an endless loop if one ever could.
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Whether the text has a run of 1, 2 or 4 digits starting at a word boundary, which every digit pattern here needs
 * (a day, month, hour or year). Handles and long numbers ("@135060") do not count, and most replies have no other.
 */
export function hasDateDigits(text: string): boolean {
  return someDigitRun(text, (start, end) => {
    const length = end - start;
    return (length <= 2 || length === 4) && (start === 0 || !isWordChar(text.charCodeAt(start - 1)));
  });
}

/** Matches of a pattern that needs a digit: most replies have none, and a miss would cost a full scan. */
function digitScan(text: string, re: RegExp, digits: boolean): readonly RegExpExecArray[] {
  return digits ? matchesOf(text, re) : NO_MATCHES;
}

function monthIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function weekdayIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return WEEKDAYS.findIndex((d) => d.startsWith(key));
}

function fullYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const y = Number(raw);
  return raw.length === 2 ? 2000 + y : y;
}

function fixedOrNext(year: number | undefined, month: number, day: number): (ref: DayRef) => number | null {
  return (ref) => {
    if (year !== undefined) return isValidDate(year, month, day) ? Date.UTC(year, month - 1, day) : null;
    return nextMonthDay(ref, month, day);
  };
}

function unitHours(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith("m") && u.startsWith("mi")) return 1 / 60;
  if (u.startsWith("h")) return 1;
  if (u.startsWith("d")) return 24;
  if (u.startsWith("w")) return 168;
  return 720;
}

function collectDates(text: string, out: Candidate[], digits: boolean, original: string): void {
  for (const m of digitScan(text, ISO_RE, digits)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidDate(y, mo, d)) continue;
    const c: Candidate = {
      start: m.index,
      end: m.index + m[0].length,
      kind: "date",
      day: () => Date.UTC(y, mo - 1, d),
    };
    if (m[4] !== undefined) Object.assign(c, { kind: "datetime", minutes: Number(m[4]) * 60 + Number(m[5]) });
    out.push(c);
  }
  for (const m of digitScan(text, NUMERIC_DATE_RE, digits)) {
    // "1/2" and "2/3" mark thread parts in chat replies: a slash date needs a year or a date preposition.
    if (m[1] === undefined && m[4] === undefined) continue;
    const atEnd = original.slice(m.index + m[0].length).trim() === "";
    if (m[4] === undefined && atEnd && Number(m[2]) < Number(m[3]) && Number(m[3]) <= 9) continue;
    let a = Number(m[2]);
    let b = Number(m[3]);
    if (a > 12 && b <= 12) [a, b] = [b, a]; // 14/03 is day-first; otherwise read month-first (03/14).
    const year = fullYear(m[4]);
    if (a < 1 || a > 12 || b < 1 || b > 31) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: "date", day: fixedOrNext(year, a, b) });
  }
  for (const m of digitScan(text, DAY_MONTH_RE, digits)) {
    const day = Number(m[1]);
    const month = monthIndex(m[2] ?? "");
    if (day < 1 || day > 31 || month < 1) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "date",
      day: fixedOrNext(fullYear(m[3]), month, day),
    });
  }
  for (const m of digitScan(text, MONTH_DAY_RE, digits)) {
    const month = monthIndex(m[1] ?? "");
    const day = Number(m[2]);
    // "may 2" is usually the verb; accept "May" only with an ordinal or a year.
    if (m[1]?.toLowerCase() === "may" && !/\d(?:st|nd|rd|th)|\d{4}/i.test(m[0])) continue;
    if (day < 1 || day > 31 || month < 1) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "date",
      day: fixedOrNext(fullYear(m[3]), month, day),
    });
  }
  for (const m of digitScan(text, THE_NTH_RE, digits)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "date",
      day: (ref) => nextDayOfMonth(ref, day),
    });
  }
}

function collectDays(text: string, out: Candidate[], digits: boolean): void {
  for (const m of matchesOf(text, WEEKDAY_RE)) {
    const wd = weekdayIndex(m[2] ?? "");
    if (wd < 0) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "weekday",
      day: (ref) => nextWeekday(ref, wd, false),
    });
  }
  for (const m of digitScan(text, WEEKDAY_ORDINAL_RE, digits)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "date",
      day: (ref) => nextDayOfMonth(ref, day),
    });
  }
  for (const m of matchesOf(text, RELATIVE_RE)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: "relative_day", day: relativeResolver(m) });
  }
}

function relativeResolver(m: RegExpMatchArray): (ref: DayRef) => number | null {
  if (m[1]) return (ref) => addDays(ref.dayMs, 2);
  const word = (m[2] ?? "").toLowerCase();
  if (word.startsWith("tom") || word === "tmrw") return (ref) => addDays(ref.dayMs, 1);
  if (word) return (ref) => ref.dayMs;
  const period = (m[4] ?? m[5] ?? m[6] ?? "").toLowerCase();
  const next = (m[3] ?? "").toLowerCase() === "next";
  if (period === "week" && next) return (ref) => addDays(ref.dayMs, 7);
  if (period === "weekend") return (ref) => addDays(nextWeekday(ref, 6, true), next ? 7 : 0);
  if (period === "month" && next) return (ref) => Date.UTC(yearMonth(ref).y, yearMonth(ref).m + 1, 1);
  if (period === "week" || period === "eow") return (ref) => nextWeekday(ref, 5, true);
  if (period === "month") return (ref) => Date.UTC(yearMonth(ref).y, yearMonth(ref).m + 1, 0);
  return (ref) => ref.dayMs; // end of day, close of business, this morning/afternoon/evening
}

function yearMonth(ref: DayRef): { y: number; m: number } {
  const d = new Date(ref.dayMs);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() };
}

function collectTimes(text: string, out: Candidate[], digits: boolean): void {
  for (const m of digitScan(text, TIME_AMPM_RE, digits)) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 1 || h > 12 || min > 59) continue;
    const hour = (h % 12) + ((m[3] ?? "").toLowerCase() === "p" ? 12 : 0);
    out.push(timeCandidate(m, hour * 60 + min, m[4]));
  }
  for (const m of digitScan(text, TIME_RANGE_RE, digits)) {
    const h = Number(m[1]);
    const endHour = Number(m[4]);
    if (h < 1 || h > 12 || endHour < 1 || endHour > 12) continue;
    // "between 2 and 4pm": the start shares the end's half of the day unless that would put it after the end.
    const own = (m[3] ?? "").toLowerCase();
    const pm = own ? own === "p" : (m[6] ?? "").toLowerCase() === "p" && h % 12 <= endHour % 12;
    out.push(timeCandidate(m, ((h % 12) + (pm ? 12 : 0)) * 60 + Number(m[2] ?? 0), undefined));
  }
  for (const m of digitScan(text, TIME_24_RE, digits))
    out.push(timeCandidate(m, Number(m[1]) * 60 + Number(m[2]), m[3]));
  for (const m of matchesOf(text, TIME_WORD_RE)) {
    out.push(timeCandidate(m, (m[1] ?? "").toLowerCase() === "midnight" ? 24 * 60 - 1 : 12 * 60, undefined));
  }
}

function timeCandidate(m: RegExpMatchArray, minutes: number, zone: string | undefined): Candidate {
  const c: Candidate = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: "time", minutes };
  const offset = zone === undefined ? undefined : ZONES[zone.toLowerCase()];
  if (offset !== undefined) c.zoneOffset = offset;
  return c;
}

function collectDurations(text: string, out: Candidate[]): void {
  for (const m of matchesOf(text, DURATION_RE)) {
    const lead = m[1];
    const raw = (m[2] ?? "").toLowerCase().replace(/\s+/, " ");
    const isDigit = /^\d/.test(raw);
    // "a day", "one week" without "within/in/…" is usually not a time promise ("have a nice day").
    if (!isDigit && lead === undefined) continue;
    if (raw === "the" && lead?.toLowerCase() !== "within") continue;
    // "half a day" is concrete; "half a week" or "half a month" is not how anyone promises.
    const unitRaw = (m[5] ?? "").toLowerCase();
    if (unitRaw === "h" && !isDigit) continue;
    const low = isDigit ? Number(raw) : (NUMBER_WORDS[raw] ?? 0);
    const amount = m[3] !== undefined ? Math.max(low, Number(m[3])) : low;
    if (amount <= 0) continue;
    const per = unitHours(unitRaw);
    const business = /^(business|working)$/i.test(m[4] ?? "");
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "duration",
      hours: amount * per,
      duration: { amount, unitHours: per, business },
    });
  }
}

/** Keeps the longest of overlapping candidates, then joins a day and an adjacent time into one datetime. */
function settle(text: string, all: Candidate[]): Candidate[] {
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of all) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  const merged: Candidate[] = [];
  for (const c of kept) {
    const last = merged[merged.length - 1];
    // "Monday 1 December", "Tuesday the 19th": the date carries the meaning; the weekday only confirms it.
    if (last?.kind === "weekday" && c.kind === "date" && /^\s*,?\s*$/.test(text.slice(last.end, c.start))) {
      merged[merged.length - 1] = { ...c, start: last.start };
      continue;
    }
    if (
      last &&
      canJoin(last, c) &&
      /^\s*,?\s*(?:at|by|before|on|around|from)?\s*$/i.test(text.slice(last.end, c.start))
    ) {
      const dayPart = last.kind === "time" ? c : last;
      const timePart = last.kind === "time" ? last : c;
      const joined: Candidate = { start: last.start, end: c.end, kind: "datetime" };
      if (dayPart.day) joined.day = dayPart.day;
      if (timePart.minutes !== undefined) joined.minutes = timePart.minutes;
      if (timePart.zoneOffset !== undefined) joined.zoneOffset = timePart.zoneOffset;
      merged[merged.length - 1] = joined;
      continue;
    }
    merged.push(c);
  }
  return merged;
}

function canJoin(a: Candidate, b: Candidate): boolean {
  const dayLike = (c: Candidate) => c.kind === "date" || c.kind === "weekday" || c.kind === "relative_day";
  return (dayLike(a) && b.kind === "time") || (a.kind === "time" && dayLike(b));
}

function resolve(c: Candidate, ref: DayRef): string | undefined {
  if (c.duration) {
    const { amount, unitHours: per, business } = c.duration;
    if (business && per === 24) return isoDate(addBusinessDays(ref.dayMs, amount));
    if (per >= 24) return isoDate(ref.dayMs + amount * per * 3_600_000);
    return isoDateTime(ref.instantMs + amount * per * 3_600_000);
  }
  let dayMs: number | null = c.day ? c.day(ref) : ref.dayMs;
  if (dayMs === null) return undefined;
  if (c.minutes === undefined) return isoDate(dayMs);
  let instant = dayMs + (c.minutes - (c.zoneOffset ?? 0)) * 60_000;
  // A bare time already past on the reference day means the same time tomorrow.
  if (!c.day && ref.hasTime && instant < ref.instantMs) {
    dayMs = addDays(dayMs, 1);
    instant = addDays(instant, 1);
  }
  const iso = isoDateTime(instant);
  return c.zoneOffset !== undefined ? `${iso}Z` : iso;
}

/** Finds every concrete time or date in the text, in order; resolves them to ISO when `referenceDate` is valid. */
export function parseTimelines(t: Tokenized, referenceDate?: string): ParsedTime[] {
  const text = t?.text;
  if (
    typeof text !== "string" ||
    !/\d|day|tomorrow|tonight|noon|midnight|hour|min|week|month|eod|cob|eow/i.test(text)
  )
    return [];
  const candidates: Candidate[] = [];
  const digits = hasDateDigits(text);
  // Same offsets, blank runs capped: the duration pattern's run of `\s*` is quadratic on a pasted blank page.
  const scanned = capBlankRuns(text);
  collectDates(scanned, candidates, digits, text);
  collectDays(scanned, candidates, digits);
  collectTimes(scanned, candidates, digits);
  collectDurations(scanned, candidates);
  const ref = parseReference(referenceDate);
  return settle(text, candidates).map((c) => {
    const parsed: ParsedTime = {
      span: { start: c.start, end: c.end, text: text.slice(c.start, c.end) },
      kind: c.kind,
      customerDeadline: isCustomerDeadline(t, c.start),
    };
    if (c.hours !== undefined) parsed.hours = c.hours;
    if (ref) {
      const resolved = resolve(c, ref);
      if (resolved !== undefined) parsed.resolved = resolved;
    }
    return parsed;
  });
}
