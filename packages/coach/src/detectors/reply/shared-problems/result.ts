/** @module Building `LabelResult`s for the problem detectors: word-range spans, cue evidence and calibrated confidence. */
import { sortInPlace } from "../../../text/match.js";
import { tokenSpan } from "../../../text/tokenize.js";
import type { LabelResult, ReplyLabel, Rewrite, Span } from "../../../types.js";
import type { ReplyInput } from "../detector.js";
import type { Word } from "./words.js";

/** One piece of evidence: where it is and how likely it alone makes the label true. */
export interface Cue {
  span: Span;
  /** 0–1, roughly the precision of this cue on its own. */
  p: number;
  rewrite?: Rewrite;
}

export function wordRangeSpan(input: ReplyInput, words: readonly Word[], from: number, to: number): Span {
  const a = words[from];
  const b = words[to];
  return a && b ? tokenSpan(input.reply, a.tok, b.tok) : { start: 0, end: 0, text: "" };
}

/** The chance one cue of probability p is wrong (p clamped to 0–1): cues combine by noisy-or, 1 − Π miss. */
function missOf(p: number): number {
  return 1 - Math.min(Math.max(p, 0), 1);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the strongest cue among overlapping ones, in text order. */
export function distinctCues(cues: readonly Cue[]): Cue[] {
  // Most replies give a detector no cue or one: nothing to sort or compare.
  if (cues.length <= 1) return cues.slice();
  const sorted = sortInPlace(
    cues.slice(),
    (x, y) => y.p - x.p || y.span.end - y.span.start - (x.span.end - x.span.start),
  );
  const kept: Cue[] = [];
  for (const c of sorted) if (!kept.some((k) => overlaps(k.span, c.span))) kept.push(c);
  return sortInPlace(kept, (x, y) => x.span.start - y.span.start);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Turns cues into a result: value when the combined probability reaches `threshold`; confidence is the probability
 * that `value` is right. The baseline is the chance the label holds when no cue fires.
 */
export function resultFromCues(
  label: ReplyLabel,
  rawCues: readonly Cue[],
  opts: {
    threshold?: number;
    baseline?: number;
    suggestion?: string;
    /** Evidence about the reply as a whole (no span of its own), combined with the cues. */
    whole?: { p: readonly number[]; span: Span };
  } = {},
): LabelResult {
  const cues = distinctCues(rawCues);
  const wholeP = opts.whole?.p ?? [];
  // Noisy-or of independent cues, so two weak cues together outweigh either alone.
  let miss = 1;
  for (const c of cues) miss *= missOf(c.p);
  for (const x of wholeP) miss *= missOf(x);
  const p = cues.length + wholeP.length > 0 ? 1 - miss : (opts.baseline ?? 0.03);
  const value = p >= (opts.threshold ?? 0.5);
  const result: LabelResult = {
    label,
    value,
    confidence: round(value ? p : 1 - p),
    spans: value ? (cues.length > 0 ? cues.map((c) => c.span) : opts.whole ? [opts.whole.span] : []) : [],
  };
  if (value) {
    if (opts.suggestion) result.suggestion = opts.suggestion;
    // Rewrites come from every cue, even one folded into a stronger overlapping cue. They must apply together, so
    // overlapping ones are dropped, keeping the narrower (in-place) edit.
    const candidates: Rewrite[] = [];
    for (const c of rawCues) if (c.rewrite) candidates.push(c.rewrite);
    sortInPlace(candidates, (x, y) => x.span.end - x.span.start - (y.span.end - y.span.start));
    const rewrites: Rewrite[] = [];
    for (const rw of candidates) if (!rewrites.some((k) => overlaps(k.span, rw.span))) rewrites.push(rw);
    if (rewrites.length > 0) result.rewrites = sortInPlace(rewrites, (a, b) => a.span.start - b.span.start);
  }
  return result;
}

/** The safe answer when a detector meets input it cannot read. */
export function emptyResult(label: ReplyLabel): LabelResult {
  return { label, value: false, confidence: 0.5, spans: [] };
}

/** The sentence holding word `sentence`, from its first word (handles skipped) to its end, punctuation included. */
export function sentenceWordSpan(input: ReplyInput, words: readonly Word[], sentence: number): Span {
  const s = input.reply.sentences[sentence];
  const first = words.find((w) => w.sentence === sentence);
  const firstTok = first ? input.reply.tokens[first.tok] : undefined;
  if (!s || !firstTok) return { start: 0, end: 0, text: "" };
  return { start: firstTok.start, end: s.end, text: input.reply.text.slice(firstTok.start, s.end) };
}

/** Widens a span over a comma right after it, so an in-place replacement does not leave ",," behind. */
export function withTrailingComma(input: ReplyInput, span: Span): Span {
  const m = /^\s*,/.exec(input.reply.text.slice(span.end, span.end + 3));
  if (!m) return span;
  const end = span.end + m[0].length;
  return { start: span.start, end, text: input.reply.text.slice(span.start, end) };
}
