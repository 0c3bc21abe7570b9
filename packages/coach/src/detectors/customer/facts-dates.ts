/** @module Dates the customer mentions ("2026-11-20", "12/03/2026", "Nov 20", "20th of November", "last Tuesday"). */
import { MONTHS, RELATIVE_DAYS, WEEKDAYS } from "../../lexicons/customer-facts.js";
import { spanOf } from "../../text/tokenize.js";
import type { Fact } from "../../types.js";
import { type CustomerToken, NUMBER_FLAG, wordFlag } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;
const WEEKDAY_MODIFIER = /^(?:last|next|this|on)$/;
const YEAR = /^(?:19|20)\d{2}$/;

// Maps, not the lexicon objects: one lookup per token, and "constructor" finds nothing on Object.prototype.
const MONTH_OF = new Map(Object.entries(MONTHS));
const WEEKDAY_OF = new Map(Object.entries(WEEKDAYS));
const RELATIVE_DAY_OF = new Map(Object.entries(RELATIVE_DAYS));
/** Every word any of the three maps knows: one lookup settles the many words that are none of them. */
const DATE_WORDS = new Set([...MONTH_OF.keys(), ...WEEKDAY_OF.keys(), ...RELATIVE_DAY_OF.keys()]);
const DATE_WORD = wordFlag((s) => s.kind === "word" && DATE_WORDS.has(s.norm));

const pad = (n: number) => String(n).padStart(2, "0");

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function referenceOf(referenceDate: string | undefined): Date | null {
  if (!referenceDate) return null;
  const d = new Date(referenceDate);
  return Number.isNaN(d.getTime()) ? null : d;
}

function shift(ref: Date, days: number): string {
  const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Numeric dates: ISO, and d/m/y or m/d/y (day first only when the first part cannot be a month). */
function numericDate(raw: string): { normalized?: string } | null {
  let m = ISO_DATE.exec(raw);
  if (m) return { normalized: iso(Number(m[1]), Number(m[2]), Number(m[3])) } as { normalized?: string };
  m = DAY_MONTH_YEAR.exec(raw);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const [month, day] = a > 12 ? [b, a] : [a, b];
  const normalized = iso(y, month, day);
  return normalized ? { normalized } : null;
}

function dayNumber(
  tok: CustomerToken | undefined,
  after: CustomerToken | undefined,
): [number, CustomerToken] | null {
  if (tok?.kind !== "number" || !ONE_OR_TWO_DIGITS.test(tok.text)) return null;
  const d = Number(tok.text);
  if (d < 1 || d > 31) return null;
  const suffix = after && after.start === tok.end && ORDINAL_SUFFIX.test(after.norm) ? after : null;
  return [d, suffix ?? tok];
}

export function detectDates(input: CustomerInput): Fact[] {
  const { tokens } = input.text;
  const text = input.text.t.text;
  const ref = referenceOf(input.context.referenceDate);
  const facts: Fact[] = [];
  if ((input.text.flags & (NUMBER_FLAG | DATE_WORD)) === 0) return facts;
  const push = (from: CustomerToken, to: CustomerToken, normalized: string | undefined) => {
    const f: Fact = {
      kind: "date",
      value: text.slice(from.start, to.end),
      span: spanOf(text, from.start, to.end),
    };
    if (normalized) f.normalized = normalized;
    facts.push(f);
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if (tok.ignored || tok.handle) continue;
    if (tok.kind === "number") {
      const numeric = numericDate(tok.text);
      if (numeric) {
        push(tok, tok, numeric.normalized);
        continue;
      }
      // "20th (of) November (2026)"
      const day = dayNumber(tok, tokens[i + 1]);
      if (!day) continue;
      let k = tokens.indexOf(day[1], i) + 1;
      if (tokens[k]?.norm === "of") k++;
      const month = MONTH_OF.get(tokens[k]?.norm ?? "");
      if (month === undefined || (tokens[k]?.norm === "may" && tokens[k - 1] === tok)) continue;
      const year = yearAt(tokens, k + 1);
      const y = year?.[0] ?? ref?.getUTCFullYear();
      push(tok, year?.[1] ?? (tokens[k] as CustomerToken), y ? iso(y, month, day[0]) : undefined);
      i = tokens.indexOf(year?.[1] ?? (tokens[k] as CustomerToken), i);
      continue;
    }
    if ((tok.flags & DATE_WORD) === 0) continue;
    const month = MONTH_OF.get(tok.norm);
    if (month !== undefined) {
      // "Nov 20(th)(, 2026)" or "January 2016".
      const day = dayNumber(tokens[i + 1], tokens[i + 2]);
      if (day && !(tokens[i + 1]?.text.length === 4)) {
        const year = yearAt(tokens, tokens.indexOf(day[1], i) + 1);
        const y = year?.[0] ?? ref?.getUTCFullYear();
        push(tok, year?.[1] ?? day[1], y ? iso(y, month, day[0]) : undefined);
        i = tokens.indexOf(year?.[1] ?? day[1], i);
        continue;
      }
      const year = tok.norm !== "may" ? yearAt(tokens, i + 1) : null;
      if (year) {
        push(tok, year[1], `${year[0]}-${pad(month)}`);
        i = tokens.indexOf(year[1], i);
      }
      continue;
    }
    const rel = RELATIVE_DAY_OF.get(tok.norm);
    if (rel !== undefined) {
      push(tok, tok, ref ? shift(ref, rel) : undefined);
      continue;
    }
    const weekday = WEEKDAY_OF.get(tok.norm);
    if (weekday !== undefined) {
      const prev = tokens[i - 1];
      const modifier = prev && WEEKDAY_MODIFIER.test(prev.norm) ? prev : null;
      let normalized: string | undefined;
      if (ref) {
        const today = ref.getUTCDay();
        const back = (today - weekday + 7) % 7 || 7;
        const ahead = (weekday - today + 7) % 7 || 7;
        normalized = modifier?.norm === "next" ? shift(ref, ahead) : shift(ref, -back);
      }
      push(modifier ?? tok, tok, normalized);
    }
  }
  return facts;
}

/** A four-digit year at tokens[k] (after an optional comma). */
function yearAt(tokens: readonly CustomerToken[], k: number): [number, CustomerToken] | null {
  let t = tokens[k];
  if (t?.text === ",") t = tokens[k + 1];
  if (t?.kind !== "number" || !YEAR.test(t.text)) return null;
  return [Number(t.text), t];
}
