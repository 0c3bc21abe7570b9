/** @module Small helpers the reply detectors share: regex hits as spans, sentence lookup, probability squashing. */
import type { Span } from "../types.js";
import type { Tokenized } from "./tokenize.js";

/** Every match of a global regex as a span, capped so a pathological paste stays cheap. */
export function regexSpans(text: string, re: RegExp, limit = 12): Span[] {
  const out: Span[] = [];
  if (!re.global) return out;
  // An exec loop rather than matchAll, which clones the regex on every call.
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = advance(text, m.index, re.unicode);
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (out.length >= limit) break;
  }
  re.lastIndex = 0;
  return out;
}

/** The index after the character at `i`: a whole surrogate pair in unicode mode, as matchAll steps. */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** Blank runs longer than this are capped for pattern scans; nothing a reply says spans that much blank space. */
const BLANK_KEEP = 16;
const LONG_BLANK = /\s{17}/;
const LONG_BLANK_RUNS = /\s{17,}/g;

/**
 * The text with every blank run cut to its first 16 characters and the rest replaced by U+0001, so lengths and
 * offsets stay the same. Patterns with `\s*` next to each other would otherwise backtrack through a pasted blank
 * page in quadratic time. Text without such a run is returned as it is.
 */
export function capBlankRuns(text: string): string {
  if (!LONG_BLANK.test(text)) return text;
  return text.replace(
    LONG_BLANK_RUNS,
    (run) => run.slice(0, BLANK_KEEP) + "\u0001".repeat(run.length - BLANK_KEEP),
  );
}

/**
 * First index in `items` (sorted by `key`) whose key is at least `value`; `items.length` when there is none. `key`
 * is best a function made once, not per call, on hot paths.
 */
export function lowerBound<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence holding character `offset` (binary search; -1 when outside every sentence). */
export function sentenceAt(t: Tokenized, offset: number): number {
  let lo = 0;
  let hi = t.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = t.sentences[mid];
    if (!s) return -1;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Squashes an evidence score into a 0–1 probability-like confidence centred on `threshold`. */
export function squash(score: number, threshold: number, steepness = 2.5): number {
  const p = 1 / (1 + Math.exp(-steepness * (score - threshold)));
  return Math.round(p * 1000) / 1000;
}

/** Confidence that `value` is right, given the probability that the label is true. */
export function confidenceFor(value: boolean, probability: number): number {
  return Math.round((value ? probability : 1 - probability) * 1000) / 1000;
}

const SMALL_SORT = 24;

/**
 * Sorts `items` in place, stably, as `Array.prototype.sort` would with the same comparator. For the handful of items a
 * detector sorts, an insertion sort allocates nothing, where the built-in sort makes work arrays on every call.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  // A pathological paste can yield many cues: past a few dozen the quadratic loop loses to the built-in sort.
  if (items.length > SMALL_SORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

const byStartThenEnd = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;

/** Sorts spans by start and drops exact duplicates. */
export function uniqueSpans(spans: readonly Span[]): Span[] {
  // After a stable sort by start and end, duplicates sit next to each other, the first one given kept first.
  const sorted = sortInPlace(spans.slice(), byStartThenEnd);
  const out: Span[] = [];
  let last: Span | undefined;
  for (const s of sorted) {
    if (last && last.start === s.start && last.end === s.end) continue;
    out.push(s);
    last = s;
  }
  return out;
}
