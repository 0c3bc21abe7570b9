/** @module Repeat contact: the customer says this is not their first time asking ("third time I'm writing"). */
import { AGAIN_EXCLUSIONS, CONTACT_VERBS, REPEAT_PHRASES } from "../../lexicons/customer-repeat.js";
import { spanOf } from "../../text/tokenize.js";
import type { Span } from "../../types.js";
import { type CustomerText, type CustomerToken, stem, wordFlag } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";
import { compileSharedPhrases, matchPhrases, mayMatch, phraseStems } from "./phrase-matcher.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

const PHRASES = compileSharedPhrases(Object.entries(REPEAT_PHRASES));
const EXCLUDED_BEFORE_AGAIN = new Set(AGAIN_EXCLUSIONS.map((p) => phraseStems(p)[0] ?? ""));
/** "5 times", "10+ times": a count of contacts or failures. */
const COUNT_WEIGHT = 0.45;
const CONTACT = new Set(CONTACT_VERBS.map(stem));
/** What a weak cue gains in a sentence about getting in touch. */
const CONTACT_BOOST = 0.3;

const CONTACT_NOUNS = new Set(
  [
    "email",
    "call",
    "time",
    "message",
    "tweet",
    "attempt",
    "request",
    "complaint",
    "letter",
    "chat",
    "ticket",
    "dm",
  ].map(stem),
);
const ORDINAL_WORDS = new Set([
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "umpteenth",
  "nth",
]);

/** Where a count, an ordinal or a sentence-opening "again" can start: numbers, ordinal words and "again". */
const CUE = wordFlag((s) => s.kind === "number" || ORDINAL_WORDS.has(s.norm) || s.norm === "again");

/** An ordinal of 2 or more at words[i] ("5th", "third"); `next` is the index of the word after it. */
function ordinalAt(words: readonly CustomerToken[], i: number): { next: number } | null {
  const w = words[i] as CustomerToken;
  if (ORDINAL_WORDS.has(w.norm)) return { next: i + 1 };
  const suffix = words[i + 1];
  if (w.kind === "number" && suffix && suffix.start === w.end && ORDINAL_SUFFIX.test(suffix.norm)) {
    return Number.parseInt(w.norm, 10) >= 2 ? { next: i + 2 } : null;
  }
  return null;
}

export interface RepeatContact {
  confidence: number;
  spans: readonly Span[];
}

/** What the cues found so far add up to: kept per call, built only once a cue is found. */
interface RepeatEvidence {
  text: string;
  words: readonly CustomerToken[];
  spans: Span[];
  miss: number;
  /** Sentences that speak of getting in touch, found on the first weak cue. */
  contactSentences: Set<number> | null;
}

function note(e: RepeatEvidence, from: CustomerToken, to: CustomerToken, base: number): void {
  const weight =
    base < 0.6 && inContactSentence(e, from.sentence) ? Math.min(0.85, base + CONTACT_BOOST) : base;
  e.spans.push(spanOf(e.text, from.start, to.end));
  e.miss *= 1 - weight;
}

function inContactSentence(e: RepeatEvidence, sentence: number): boolean {
  e.contactSentences ??= new Set(e.words.filter((w) => CONTACT.has(w.stem)).map((w) => w.sentence));
  return e.contactSentences.has(sentence);
}

const NO_SPANS: readonly Span[] = [];

export function detectRepeatContact(input: CustomerInput): RepeatContact {
  const { words } = input.text;
  const cues = (input.text.flags & CUE) !== 0;
  // Most messages hold no cue at all: then only the earlier messages count.
  const e: RepeatEvidence | null =
    cues || mayMatch(input.text, PHRASES)
      ? { text: input.text.t.text, words, spans: [], miss: 1, contactSentences: null }
      : null;
  if (e !== null) readCues(e, input.text, cues);
  let miss = e?.miss ?? 1;
  const previous = input.context.previousMessages?.filter((m) => m.trim() !== "").length ?? 0;
  if (previous > 0) miss *= previous > 1 ? 0.4 : 0.6;
  return { confidence: Math.round((1 - miss) * 100) / 100, spans: e?.spans ?? NO_SPANS };
}

function readCues(e: RepeatEvidence, text: CustomerText, cues: boolean): void {
  const words = e.words;
  for (const m of mayMatch(text, PHRASES) ? matchPhrases(words, PHRASES) : []) {
    const from = words[m.from] as CustomerToken;
    const to = words[m.to] as CustomerToken;
    if (from.quoted) continue;
    if (m.phrase === "again") {
      const prev = words[m.from - 1];
      if (prev && prev.sentence === from.sentence && EXCLUDED_BEFORE_AGAIN.has(prev.stem)) continue;
    }
    note(e, from, to, m.value);
  }
  for (let i = 0; cues && i + 1 < words.length; i++) {
    const n = words[i] as CustomerToken;
    if ((n.flags & CUE) === 0) continue;
    const next = words[i + 1] as CustomerToken;
    if (n.kind === "number" && next.stem === "tim" && Number.parseInt(n.norm, 10) >= 2)
      note(e, n, next, COUNT_WEIGHT);
    // "my 5th email", "the third call": an ordinal contact.
    const ordinal = ordinalAt(words, i);
    const noun = ordinal ? words[ordinal.next] : undefined;
    if (noun && noun.sentence === n.sentence && CONTACT_NOUNS.has(noun.stem)) note(e, n, noun, 0.85);
  }
  // "Again, where is my refund?": a sentence opening on "again".
  for (let i = 0; cues && i < words.length; i++) {
    const w = words[i] as CustomerToken;
    // "again" carries the CUE flag: checking it first spares most words a string comparison.
    if ((w.flags & CUE) !== 0 && w.norm === "again" && words[i - 1]?.sentence !== w.sentence)
      note(e, w, w, 0.7);
  }
}
