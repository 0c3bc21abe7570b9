/**
 * @module Complaint probability: a small logistic blend of GoEmotions and offensive-model outputs with service-failure
 * cues. No permitted complaint-labelled data exists, so the blend is fitted on weak labels (see training/).
 */
import { isAsciiLetter } from "../text/chars.js";
import type { CustomerProbabilities } from "./learned.js";

/** The blend's inputs, in the order its weights are stored. */
export const COMPLAINT_FEATURES = [
  "negative_emotion",
  "positive_emotion",
  "question_emotion",
  "neutral",
  "offensive",
  "failure_cues",
  "negations",
  "exclamations",
  "questions",
] as const;

export interface ComplaintBlendFile {
  format: "keel-blend-v1";
  name: "complaint";
  trainedOn: string;
  features: string[];
  weights: number[];
  bias: number;
  threshold: number;
}

const NEGATIVE = ["anger", "annoyance", "disappointment", "disapproval", "disgust", "sadness"];
const POSITIVE = [
  "gratitude",
  "admiration",
  "joy",
  "love",
  "excitement",
  "amusement",
  "approval",
  "optimism",
];
const QUESTION = ["curiosity", "confusion"];

// Words and two-word phrases that report a service failure or a broken expectation.
const FAILURE_WORDS = new Set(
  (
    "still again waiting waited hour hours day days week weeks broken broke stuck missing lost late delay delayed " +
    "delays cancel canceled cancelled refund charged overcharged wrong error fail failed fails failing crash crashed " +
    "crashes crashing issue problem worst terrible awful horrible ridiculous unacceptable disappoint disappointed " +
    "disappointing useless poor rude ignored nobody never unable won't can't couldn't doesn't didn't"
  ).split(" "),
);
const FAILURE_PHRASES = new Set([
  "no one",
  "not working",
  "doesn't work",
  "don't work",
  "no response",
  "no reply",
]);
const PHRASE_STARTS = new Set(["no", "not", "doesn't", "don't"]);
const NEGATIONS = new Set(["not", "no", "never", "nothing", "nobody", "none", "cannot"]);

// A word is looked at only when its first letter, length and last letter match a cue word's (or it ends in "n't"):
// most words match none, and skipping them spares a substring and a set lookup each. Each (first letter, length)
// slot holds a bit per last letter; lengths from 63 up share one slot.
const MAX_SIGNATURE_LENGTH = 63;
const CUE_SIGNATURES = new Uint32Array(128 * (MAX_SIGNATURE_LENGTH + 1));
for (const w of [
  ...FAILURE_WORDS,
  ...PHRASE_STARTS,
  ...NEGATIONS,
  ...[...FAILURE_PHRASES].map((p) => p.split(" ")[1] ?? ""),
])
  if (w !== "") {
    const at = signature(w.charCodeAt(0), w.length);
    CUE_SIGNATURES[at] = (CUE_SIGNATURES[at] ?? 0) | lastBit(w.charCodeAt(w.length - 1));
  }

function signature(first: number, length: number): number {
  return (first & 127) * (MAX_SIGNATURE_LENGTH + 1) + Math.min(length, MAX_SIGNATURE_LENGTH);
}

/** A bit per letter a–z; both apostrophes share one (the text's ’ is read as '). */
function lastBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 1 << 26;
}

export interface CueCounts {
  failures: number;
  negations: number;
}

/** The counts so far and the scan's state between words: one object, reset per message, so counting allocates nothing. */
interface CueScan extends CueCounts {
  /** The last cue candidate read, lower-cased ("" after any other word): a phrase's first word. */
  prev: string;
}

const counts: CueScan = { failures: 0, negations: 0, prev: "" };

function resetCounts(): void {
  counts.failures = 0;
  counts.negations = 0;
  counts.prev = "";
}

/** One pass over the words (ASCII letters and apostrophes, lower-cased); phrases are checked on word pairs. */
export function countCues(text: string): CueCounts {
  resetCounts();
  // Lower-casing is per character for all but two characters: the lower-cased copy is made only for text with one
  // (which holds neither of them once lower-cased).
  if (!scanCues(text, 0, text.length)) {
    const lower = text.toLowerCase();
    resetCounts();
    scanCues(lower, 0, lower.length);
  }
  return counts;
}

/**
 * Lower-casing maps every code unit to one code unit, an ASCII one only from ASCII, except for these: "İ" becomes two
 * units and the Kelvin sign becomes "k". Text without them can be read without its lower-cased copy.
 */
function lowersOutOfPlace(c: number): boolean {
  return c === 0x130 || c === 0x212a;
}

/** Lower-cases an ASCII letter; any other code unit stays as it is (see `lowersOutOfPlace`). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether the code unit goes on a cue word once one has started: an ASCII letter or either apostrophe. */
function continuesCueWord(c: number): boolean {
  return c === 39 || c === 0x2019 || isAsciiLetter(c);
}

/**
 * Counts the cues of the words that start in text[from, to) as of the text's lower-cased copy, lower-casing ASCII
 * letters as it reads (the last word may run on past `to`); false at a character that lower-cases out of place,
 * whose text needs the copy made.
 */
function scanCues(text: string, from: number, to: number): boolean {
  const n = text.length;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      if (lowersOutOfPlace(c)) return false;
      i++;
      continue;
    }
    // A word: letters, then letters and apostrophes of either kind.
    const start = i;
    let curly = false;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x2019) curly = true;
      else if (d !== 39 && !isAsciiLetter(d)) break;
    }
    if (!isCueCandidate(text, start, i)) {
      // Not a cue word, so not a phrase start either.
      counts.prev = "";
      continue;
    }
    const word = text.slice(start, i).toLowerCase();
    countWord(curly ? word.replace(/\u2019/g, "'") : word);
  }
  return true;
}

/** A token as `countCuesOfTokens` reads it: its span, its kind, its texts and its spelling's flags. */
export interface CueToken {
  start: number;
  end: number;
  kind: string;
  text: string;
  norm: string;
  flags: number;
}

/**
 * Whether a token so spelled can change the cue counts read from tokens (see `countCuesOfTokens`): an apostrophe, or
 * a word that is not one whole cue-scan word (hyphens, letters beyond ASCII) or is a cue candidate. The other words,
 * ASCII letters and apostrophes the scan passes over, only end a phrase; everything else holds no ASCII letter.
 */
export function mayCountAsCue(text: string, norm: string, kind: string): boolean {
  if (kind === "word") return !isWholeCueWord(text) || isCueCandidate(norm, 0, norm.length);
  return text === "'" || text === "\u2019";
}

/** An ASCII letter, then ASCII letters and apostrophes: the whole token is one word of the cue scan. */
function isWholeCueWord(token: string): boolean {
  if (!isAsciiLetter(token.charCodeAt(0))) return false;
  for (let i = 1; i < token.length; i++) if (!continuesCueWord(token.charCodeAt(i))) return false;
  return true;
}

/** Whether the scan reads the word text[start, end) as a cue candidate (see CUE_SIGNATURES). */
function isCueCandidate(text: string, start: number, end: number): boolean {
  const slot = CUE_SIGNATURES[signature(lowerAscii(text.charCodeAt(start)), end - start)] as number;
  return (slot & lastBit(lowerAscii(text.charCodeAt(end - 1)))) !== 0 || endsWithNtAnyCase(text, start, end);
}

/**
 * `countCues` of the text, read from its tokens: the tokenizer has already found the words, and only tokens whose
 * spelling has the flag `mayCount` (by `mayCountAsCue`) are looked at, most messages having none or one. A candidate
 * that is one whole word is counted as the scan counts it; any other word token is scanned; an apostrophe joined to
 * a word (which the scan reads as part of it) sends the whole text to `countCues`.
 */
export function countCuesOfTokens(text: string, tokens: readonly CueToken[], mayCount: number): CueCounts {
  resetCounts();
  /** The last token counted or scanned: the words between it and the next one read only as phrase breaks. */
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CueToken;
    if ((tok.flags & mayCount) === 0) continue;
    const { start, end } = tok;
    if (tok.kind !== "word") {
      if (start > 0 && continuesCueWord(text.charCodeAt(start - 1))) return countCues(text);
      continue;
    }
    if (counts.prev !== "" && holdsWord(tokens, last + 1, i)) counts.prev = "";
    last = i;
    if (isWholeCueWord(tok.text)) countWord(tok.norm);
    else if (!scanCues(text, start, end)) return countCues(text);
  }
  return counts;
}

/** Whether tokens[from, to) holds a word. */
function holdsWord(tokens: readonly CueToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((tokens[i] as CueToken).kind === "word") return true;
  return false;
}

/** Whether text[start, end) ends in "n't" (either apostrophe, either case). */
function endsWithNtAnyCase(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const a = text.charCodeAt(end - 2);
  return (
    lowerAscii(text.charCodeAt(end - 1)) === 116 &&
    (a === 39 || a === 0x2019) &&
    lowerAscii(text.charCodeAt(end - 3)) === 110
  );
}

/** Counts one lower-cased cue candidate, which becomes the next word's `prev`. */
function countWord(word: string): void {
  const prev = counts.prev;
  if (FAILURE_WORDS.has(word)) counts.failures++;
  else if (PHRASE_STARTS.has(prev) && FAILURE_PHRASES.has(`${prev} ${word}`)) counts.failures++;
  if (NEGATIONS.has(word) || word.endsWith("n't")) counts.negations++;
  counts.prev = word;
}

interface GroupIndexes {
  labels: readonly string[];
  groups: number[][];
}

let indexes: GroupIndexes | null = null;

/** Label positions of each emotion group, worked out once per label list. */
function groupIndexes(labels: readonly string[]): number[][] {
  if (indexes?.labels !== labels) {
    const find = (names: readonly string[]) => names.map((n) => labels.indexOf(n)).filter((i) => i >= 0);
    indexes = { labels, groups: [find(NEGATIVE), find(POSITIVE), find(QUESTION), find(["neutral"])] };
  }
  return indexes.groups;
}

function maxAt(probs: Float64Array, at: readonly number[] | undefined): number {
  let m = 0;
  for (const i of at ?? []) m = Math.max(m, probs[i] ?? 0);
  return m;
}

/** Feature vector for the blend, written into `out` (length = COMPLAINT_FEATURES). */
export function complaintFeatures(
  text: string,
  probs: CustomerProbabilities,
  out: Float64Array,
  cues: CueCounts = countCues(text),
): void {
  const groups = groupIndexes(probs.goemotionsLabels);
  out[0] = maxAt(probs.goemotions, groups[0]);
  out[1] = maxAt(probs.goemotions, groups[1]);
  out[2] = maxAt(probs.goemotions, groups[2]);
  out[3] = maxAt(probs.goemotions, groups[3]);
  out[4] = 1 - (probs.offensive[2] ?? 1);
  out[5] = Math.log1p(cues.failures);
  out[6] = Math.log1p(cues.negations);
  // Capped at one, so whether the mark occurs is all that counts.
  out[7] = text.includes("!") ? 1 : 0;
  out[8] = text.includes("?") ? 1 : 0;
}

const scratch = new Float64Array(COMPLAINT_FEATURES.length);

/** Probability that `text` is a complaint under the blend; `cues` are its cue counts when the caller has them. */
export function complaintProbability(
  text: string,
  probs: CustomerProbabilities,
  blend: ComplaintBlendFile,
  cues?: CueCounts,
): number {
  complaintFeatures(text, probs, scratch, cues);
  let z = blend.bias;
  for (let i = 0; i < scratch.length; i++) z += (blend.weights[i] ?? 0) * (scratch[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
