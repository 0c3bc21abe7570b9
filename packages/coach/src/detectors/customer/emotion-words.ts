/** @module Emotion words and phrases, read with negation scope and intensifiers ("not happy", "absolutely furious"). */
import { INTENSIFIERS, SCOPE_BREAKERS } from "../../lexicons/customer-cues.js";
import { EMOTION_TERMS, type EmotionWeights } from "../../lexicons/customer-emotion-terms.js";
import { POSITIVE_WORDS, SERVICE_VERBS } from "../../lexicons/customer-negatable.js";
import { spanOf } from "../../text/tokenize.js";
import { type CustomerToken, isNegator, stem, wordFlag } from "./customer-text.js";
import { angerWeightOf, type CustomerInput, type EmotionHit } from "./detector.js";
import { compileSharedPhrases, matchPhrases, mayMatch } from "./phrase-matcher.js";

const TERMS = compileSharedPhrases(Object.entries(EMOTION_TERMS));
const POSITIVE = new Set([...POSITIVE_WORDS].map(stem));
const SERVICE = new Set([...SERVICE_VERBS].map(stem));
/** A good thing that can be negated, and a negator: a negated positive needs both in the message. */
const NEGATABLE = wordFlag((_, stem) => POSITIVE.has(stem) || SERVICE.has(stem));
/** A negator ("not", "never", "can't"): a fact of the spelling, tested once rather than on every read. */
const NEGATOR = wordFlag(isNegator);

/**
 * A word that can end a negation's scope ("but") or intensify the next one ("so"): the flag, on the token, spares the
 * other words the lookups, which reach the word's string (the intensifier lookup by property key also interns it).
 */
const SCOPE_OR_INTENSIFIER = wordFlag(
  (s) => SCOPE_BREAKERS.has(s.norm) || INTENSIFIERS[s.norm] !== undefined,
);

function isNegatorWord(w: CustomerToken): boolean {
  return (w.flags & NEGATOR) !== 0;
}
const NEGATION_WINDOW = 3;
const CALM_EMOTIONS = new Set(["gratitude", "relief"]);
const NO_INDEXES: ReadonlySet<number> = new Set<number>();

/** Index of the negator governing words[i], or -1: a negator up to 3 words back in the sentence, no "but" between. */
export function negatorBefore(words: readonly CustomerToken[], i: number): number {
  const sentence = words[i]?.sentence;
  for (let k = i - 1; k >= 0 && k >= i - NEGATION_WINDOW; k--) {
    const w = words[k] as CustomerToken;
    if (w.sentence !== sentence || ((w.flags & SCOPE_OR_INTENSIFIER) !== 0 && SCOPE_BREAKERS.has(w.norm)))
      return -1;
    if (isNegatorWord(w)) return k;
  }
  return -1;
}

function intensifierBefore(
  words: readonly CustomerToken[],
  i: number,
): { index: number; factor: number } | null {
  const sentence = words[i]?.sentence;
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const w = words[k] as CustomerToken;
    if (w.sentence !== sentence) return null;
    if ((w.flags & SCOPE_OR_INTENSIFIER) === 0) continue;
    const factor = INTENSIFIERS[w.norm];
    if (factor !== undefined) return { index: k, factor };
  }
  return null;
}

function scale(e: EmotionWeights, by: number): EmotionWeights {
  const out: EmotionWeights = {};
  for (const [k, v] of Object.entries(e)) out[k as keyof EmotionWeights] = Math.min(1, (v ?? 0) * by);
  return out;
}

export function detectEmotionWords(input: CustomerInput): EmotionHit[] {
  const { words } = input.text;
  const text = input.text.t.text;
  const hits: EmotionHit[] = [];
  // Sets are costly to make and most messages match no emotion phrase: made on the first match.
  let used: Set<number> | null = null;
  for (const m of mayMatch(input.text, TERMS) ? matchPhrases(words, TERMS) : []) {
    const first = words[m.from] as CustomerToken;
    const last = words[m.to] as CustomerToken;
    used ??= new Set<number>();
    for (let k = m.from; k <= m.to; k++) used.add(k);
    const startsNegative = isNegatorWord(first) || first.norm === "still";
    const neg = startsNegative ? -1 : negatorBefore(words, m.from);
    const calm = Object.keys(m.value).every((k) => CALM_EMOTIONS.has(k));
    let emotions = m.value;
    let spanStart = first.start;
    if (neg >= 0) {
      // "not angry" cancels; "no thanks" / "not grateful" turns a calm word into mild annoyance.
      if (!calm) continue;
      emotions = { annoyance: 0.3, disappointment: 0.2 };
      spanStart = (words[neg] as CustomerToken).start;
    }
    const boost = intensifierBefore(words, m.from);
    if (boost && neg < 0) {
      emotions = scale(emotions, boost.factor);
      const w = words[boost.index] as CustomerToken;
      if (!calm) {
        hits.push({
          kind: "intensifier",
          span: spanOf(text, w.start, w.end),
          sentence: first.sentence,
          emotions: {},
          weight: 0.25 * (boost.factor - 1) * 2,
        });
      }
    }
    const quoted = first.quoted ? 0.4 : 1;
    hits.push({
      kind: "anger_word",
      span: spanOf(text, spanStart, last.end),
      sentence: first.sentence,
      emotions: quoted === 1 ? emotions : scale(emotions, quoted),
      weight: angerWeightOf(emotions) * quoted,
    });
  }
  const flags = input.text.flags;
  if ((flags & NEGATABLE) !== 0 && (flags & NEGATOR) !== 0)
    for (const h of negatedPositives(input, used ?? NO_INDEXES)) hits.push(h);
  return hits;
}

/** "not happy", "never received", "didn't arrive": a negated good thing is discontent. */
function negatedPositives(input: CustomerInput, used: ReadonlySet<number>): EmotionHit[] {
  const { words } = input.text;
  const text = input.text.t.text;
  const hits: EmotionHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as CustomerToken;
    if ((w.flags & NEGATABLE) === 0 || used.has(i)) continue;
    const positive = POSITIVE.has(w.stem);
    const service = SERVICE.has(w.stem);
    if (!positive && !service) continue;
    const neg = negatorBefore(words, i);
    if (neg < 0) continue;
    const negator = words[neg] as CustomerToken;
    // "no problem", "don't worry": only these lexicon words matter, and "can't wait" is eager, not negative.
    const emotions: EmotionWeights = service
      ? { frustration: 0.6, annoyance: 0.3, disappointment: 0.3 }
      : { disappointment: 0.6, annoyance: 0.4 };
    hits.push({
      kind: "negated_positive",
      span: spanOf(text, negator.start, w.end),
      sentence: w.sentence,
      emotions,
      weight: angerWeightOf(emotions) * (w.quoted ? 0.4 : 1),
    });
  }
  return hits;
}
