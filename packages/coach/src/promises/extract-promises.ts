/** @module Extracts the promises an outbound reply makes (what, who owes it, when it is due) for the promise ledger. */
import { parseTimelines } from "../text/timeline.js";
import { type Tokenized, tokenize } from "../text/tokenize.js";
import type { ExtractedPromise, ExtractPromisesOptions, ParsedTime } from "../types.js";
import { actionPhrase, classifyKind } from "./classify.js";
import { type CommitmentHead, findHeads } from "./commitment.js";
import { type DueReference, resolveDue } from "./due-time.js";
import { fixedZone, ianaZone, parseInstant, toWall, wallIso } from "./zoned-time.js";

/*
 * Decisions on what counts as a promise:
 * - "if you send us X, we'll replace it" is a promise (the ledger tracks it once the customer acts), at lower
 *   confidence; "if you send us X, we can look at it" is not: "can/could" offer an ability, not a commitment.
 * - "should" ("you should receive it by Friday") counts only with a concrete time: without one it is a hope.
 * - Past tense, negations ("we will not", "we can't promise"), hedges ("we hope to", "I'll try to"), questions
 *   ("shall I call you?") and the customer's own deadlines ("please reply by Friday") are not promises.
 */

const CLAUSE_CUT = /;|,?\s+but\s+|\s+[–—]\s+/;
const TRAILING = /(?:[\s,;:]|\band\b|\bso\b|\bthen\b)+$/i;
const HOUR_RE = /\bwithin\s+the\s+(?:next\s+)?hour\b/gi;

function dueReference(options: ExtractPromisesOptions): DueReference | null {
  const instant = parseInstant(options.referenceDate);
  if (!instant) return null;
  const zone =
    (typeof options.timeZone === "string" ? ianaZone(options.timeZone) : null) ??
    fixedZone(instant.offset ?? 0);
  return {
    utcMs: instant.utcMs,
    wallMs: toWall(zone, instant.utcMs),
    zone,
    businessDays: options.businessDays !== false,
  };
}

/** Timeline parser results plus "within the hour", which it does not read. */
function findTimes(t: Tokenized, ref: DueReference | null): ParsedTime[] {
  const times = parseTimelines(t, ref ? wallIso(ref.wallMs) : undefined);
  for (const m of t.text.matchAll(HOUR_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (times.some((p) => p.span.start < end && start < p.span.end)) continue;
    times.push({ span: { start, end, text: m[0] }, kind: "duration", hours: 1, customerDeadline: false });
  }
  return times.sort((a, b) => a.span.start - b.span.start);
}

/** The time a promise is due: the last one in its clause, else one written before it in the sentence. */
function dueTimeOf(
  times: readonly ParsedTime[],
  text: string,
  from: number,
  to: number,
  before: number,
): ParsedTime | null {
  let inside: ParsedTime | null = null;
  let leading: ParsedTime | null = null;
  for (const p of times) {
    if (p.customerDeadline) continue;
    if (p.span.start >= from && p.span.end <= to) inside = p;
    else if (
      p.span.start >= before &&
      p.span.end <= from &&
      !/\b(?:if|when|unless|once|after)\b/i.test(text.slice(before, p.span.end))
    )
      leading = p;
  }
  return inside ?? leading;
}

function confidenceOf(head: CommitmentHead, hasDue: boolean): number {
  let c = head.strength === "firm" ? 0.85 : head.strength === "offer" ? 0.7 : 0.6;
  if (head.conditional) c -= 0.15;
  if (head.thing !== null) c -= 0.05;
  if (hasDue) c += 0.05;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}

function blankOut(text: string, from: number, to: number, times: readonly ParsedTime[]): string {
  let out = text.slice(from, to);
  for (const p of times) {
    if (p.span.start < from || p.span.end > to) continue;
    const a = p.span.start - from;
    const b = p.span.end - from;
    out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  }
  return out;
}

function extract(reply: string, options: ExtractPromisesOptions): ExtractedPromise[] {
  const t = tokenize(reply);
  const text = t.text;
  const ref = dueReference(options);
  const times = findTimes(t, ref);
  const out: ExtractedPromise[] = [];
  for (const s of t.sentences) {
    const heads = findHeads(s.text);
    let previousEnd = s.start;
    heads.forEach((head, i) => {
      const start = s.start + head.subjectStart;
      const actionStart = s.start + head.actionStart;
      const next = heads[i + 1];
      let end = next ? s.start + next.subjectStart : s.end;
      const cut = CLAUSE_CUT.exec(text.slice(actionStart, end));
      if (cut) end = actionStart + cut.index;
      const clause = text
        .slice(start, end)
        .replace(TRAILING, "")
        .replace(/[.!?…]+$/, "");
      end = start + clause.length;
      const time = dueTimeOf(times, text, actionStart, end, previousEnd);
      previousEnd = end;
      if (head.strength === "expected" && !time) return;
      const action = blankOut(text, actionStart, end, times);
      const what = actionPhrase(action, head.thing);
      if (what === "") return;
      out.push({
        what,
        owner: head.owner,
        due: time && ref ? resolveDue(time, ref) : null,
        dueText: time ? time.span.text : null,
        span: { start, end, text: clause },
        confidence: confidenceOf(head, time !== null),
        kind: classifyKind(action, `${head.thing ?? ""} ${action}`, head.fieldWorker),
      });
    });
  }
  return out;
}

/** Promises in a reply, in order. Never throws: input that is not text yields no promises. */
export function extractPromises(reply: string, options: ExtractPromisesOptions = {}): ExtractedPromise[] {
  if (typeof reply !== "string" || reply.trim() === "") return [];
  return extract(reply, options ?? {});
}
