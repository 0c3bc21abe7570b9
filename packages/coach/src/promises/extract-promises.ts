/** @module Extracts the promises an outbound reply makes (what, who owes it, when it is due) for the promise ledger. */
import { parseTimelines } from "../text/timeline.js";
import { type Tokenized, tokenize } from "../text/tokenize.js";
import type { ExtractedPromise, ExtractPromisesOptions, ParsedTime } from "../types.js";
import { antecedent } from "./antecedent.js";
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

// No pattern here starts with a whitespace run: on a pasted blank page that would turn quadratic.
const CLAUSE_CUT = /;|\bbut\b|[–—](?=\s)/i;
const HOUR_RE = /\bwithin\s+the\s+next\s+hour\b/gi;
/** "(by the end of) the next business day": one business day on, which the timeline parser reads as today or not at all. */
const NEXT_BUSINESS_DAY_RE =
  /\b(?:(?:by\s+)?(?:the\s+)?(?:end|close)\s+of\s+)?(?:the\s+)?next\s+(?:business|working)\s+day\b/gi;
/** How far back (characters) an "it" is looked up: the promise's sentence and the one before, within reason. */
const REFERENT_REACH = 300;
const TRAILING_WORD = /(?:^|\W)(?:and|so|then)$/i;

/** End of a clause without trailing blanks, punctuation or a dangling "and"/"so"/"then". */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /[\s,;:.!?…]/.test(text[e - 1] ?? "")) e--;
    const tail = TRAILING_WORD.exec(text.slice(Math.max(start, e - 5), e));
    if (!tail) return e;
    e -= tail[0].replace(/^\W/, "").length;
  }
}

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
  // The parser reads "within the hour" but not "within the next hour"; the two never overlap.
  for (const m of t.text.matchAll(HOUR_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    times.push({ span: { start, end, text: m[0] }, kind: "duration", hours: 1, customerDeadline: false });
  }
  for (const m of t.text.matchAll(NEXT_BUSINESS_DAY_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const overlapping = (p: ParsedTime) => p.span.start < end && p.span.end > start;
    times.splice(0, times.length, ...times.filter((p) => !overlapping(p)));
    times.push({ span: { start, end, text: m[0] }, kind: "duration", hours: 24, customerDeadline: false });
  }
  return times.sort((a, b) => a.span.start - b.span.start);
}

/** Times in order, consumed by promises in order: each time is looked at a bounded number of times, so the scan is linear. */
class TimeCursor {
  private next = 0;
  constructor(
    private readonly times: readonly ParsedTime[],
    private readonly text: string,
  ) {}

  /** Times of one clause: the last time in [from, to), else one in [before, from) not inside a condition. */
  take(before: number, from: number, to: number): { due: ParsedTime | null; inside: ParsedTime[] } {
    while ((this.times[this.next]?.span.start ?? Number.POSITIVE_INFINITY) < before) this.next++;
    const condition = this.text.slice(before, from).search(/\b(?:if|when|unless|once|after)\b/i);
    const conditionAt = condition < 0 ? from : before + condition;
    const inside: ParsedTime[] = [];
    let leading: ParsedTime | null = null;
    for (let p = this.times[this.next]; p && p.span.start < to; p = this.times[++this.next]) {
      if (p.span.end > to) break; // straddles the clause end: left to the next clause
      if (p.span.start >= from) inside.push(p);
      else if (p.span.end <= conditionAt && !p.customerDeadline) leading = p;
    }
    const own = inside.filter((p) => !p.customerDeadline);
    return { due: own[own.length - 1] ?? leading, inside };
  }
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
  const cursor = new TimeCursor(findTimes(t, ref), text);
  const out: ExtractedPromise[] = [];
  let previousSentenceStart = 0;
  for (const s of t.sentences) {
    const heads = findHeads(s.text);
    const referentFrom = previousSentenceStart;
    previousSentenceStart = s.start;
    let previousEnd = s.start;
    heads.forEach((head, i) => {
      const start = s.start + head.subjectStart;
      const actionStart = s.start + head.actionStart;
      const next = heads[i + 1];
      let end = next ? s.start + next.subjectStart : s.end;
      const cut = CLAUSE_CUT.exec(text.slice(actionStart, end));
      if (cut) end = actionStart + cut.index;
      end = Math.max(actionStart, trimmedEnd(text, start, end));
      const clause = text.slice(start, end);
      const { due: time, inside } = cursor.take(previousEnd, actionStart, end);
      previousEnd = end;
      if (head.strength === "expected" && !time) return;
      const action = blankOut(text, actionStart, end, inside);
      // Bounded look-back keeps a long run of promises linear.
      const referent = /\bit\b/i.test(`${head.thing ?? ""} ${action.slice(0, 40)}`)
        ? antecedent(text, Math.max(referentFrom, start - REFERENT_REACH), start)
        : null;
      const what = actionPhrase(action, head.thing, referent);
      if (what === "") return;
      out.push({
        what,
        owner: head.owner,
        due: time && ref ? resolveDue(time, ref) : null,
        dueText: time ? time.span.text : null,
        span: { start, end, text: clause },
        confidence: confidenceOf(head, time !== null),
        kind: classifyKind(action, `${head.thing ?? ""} ${referent ?? ""} ${action}`, head.fieldWorker),
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
