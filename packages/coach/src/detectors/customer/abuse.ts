/** @module Abuse: insults or profanity aimed at the agent or the company — not exclamations, not third parties. */
import {
  COMPANY_TARGETS,
  CRITICISED_THINGS,
  INSULTS,
  STRONG_INSULTS,
  THIRD_PARTY_MARKERS,
} from "../../lexicons/customer-profanity.js";
import { lowerBound } from "../../text/match.js";
import { spanOf } from "../../text/tokenize.js";
import type { Span } from "../../types.js";
import { type CustomerToken, stem, wordFlag } from "./customer-text.js";
import type { CustomerInput, EmotionHit } from "./detector.js";
import { negatorBefore } from "./emotion-words.js";
import type { ProfanityHit } from "./profanity.js";

export interface AbuseResult {
  /** 0–1 from the rules alone. */
  confidence: number;
  spans: readonly Span[];
  hits: readonly EmotionHit[];
}

/** The reading of a message with neither profanity nor an insult: shared, so read and never written. */
const NO_ABUSE: AbuseResult = { confidence: 0, spans: [], hits: [] };

const INSULT_STEMS = new Set([...INSULTS].map(stem));
const INSULT = wordFlag((_, stem) => INSULT_STEMS.has(stem));
const STRONG_STEMS = new Set([...STRONG_INSULTS].map(stem));
const TARGET_STEMS = new Set([...COMPANY_TARGETS].map(stem));
const THING_STEMS = new Set([...CRITICISED_THINGS].map(stem));
const SELF = new Set(["i", "i'm", "me", "myself", "i've", "i'd"]);
const DIRECT_TARGETS = new Set(["you", "your", "you're", "yourself", "y'all", "ya'll"]);
const WINDOW = 4;
const CLAUSE_BREAKS = new Set(["but", "however", "although", "though", "whereas", "while"]);
/** A word `targetOf` looks up at all (a target, a third party, the writer, a clause break): most words are none. */
const TARGET_CONTEXT = wordFlag(
  (s, stem) =>
    THIRD_PARTY_MARKERS.has(s.norm) ||
    CLAUSE_BREAKS.has(s.norm) ||
    SELF.has(s.norm) ||
    DIRECT_TARGETS.has(s.norm) ||
    TARGET_STEMS.has(stem),
);

function breaksClause(w: CustomerToken): boolean {
  return (w.flags & TARGET_CONTEXT) !== 0 && CLAUSE_BREAKS.has(w.norm);
}

/** Looks ±WINDOW words around words[i] in the same sentence for what the word is aimed at. */
function targetOf(
  words: readonly CustomerToken[],
  handleSentences: ReadonlySet<number>,
  i: number,
): "us" | "direct" | "third" | null {
  const w = words[i] as CustomerToken;
  let found: "us" | "direct" | "third" | null = null;
  // The subject ("the other sellers … are idiots") may sit further back than the target window.
  for (let k = i - 1; k >= 0 && k >= i - 2 * WINDOW; k--) {
    const o = words[k] as CustomerToken;
    if (o.sentence !== w.sentence) break;
    if ((o.flags & TARGET_CONTEXT) !== 0 && THIRD_PARTY_MARKERS.has(o.norm)) return "third";
  }
  // The target sits in the same clause: "the driver was an idiot but you were great" insults the driver.
  let from = i;
  while (from > 0 && from > i - WINDOW && !breaksClause(words[from - 1] as CustomerToken)) from--;
  let to = i;
  while (to < words.length - 1 && to < i + WINDOW && !breaksClause(words[to + 1] as CustomerToken)) to++;
  for (let k = from; k <= to; k++) {
    const o = words[k] as CustomerToken;
    if (k === i || o.sentence !== w.sentence || (o.flags & TARGET_CONTEXT) === 0) continue;
    if (THIRD_PARTY_MARKERS.has(o.norm)) return "third";
    // "insinuated I'm stupid": the writer talking about themselves.
    if (SELF.has(o.norm) && k < i && k >= i - 2) return "third";
    if (DIRECT_TARGETS.has(o.norm)) found = "direct";
    else if (found === null && TARGET_STEMS.has(o.stem)) found = "us";
  }
  if (found) return found;
  // An @handle in the sentence names the company the message is sent to.
  return handleSentences.has(w.sentence) ? "us" : null;
}

export function detectAbuse(input: CustomerInput, profanity: readonly ProfanityHit[]): AbuseResult {
  const { words, tokens } = input.text;
  const text = input.text.t.text;
  if (profanity.length === 0 && (input.text.flags & INSULT) === 0) return NO_ABUSE;
  const insults: number[] = [];
  for (let i = 0; i < words.length; i++)
    if (((words[i] as CustomerToken).flags & INSULT) !== 0) insults.push(i);
  // Most messages have neither profanity nor an insult word: nothing below needs building for them.
  if (profanity.length === 0 && insults.length === 0) return NO_ABUSE;
  const spans: Span[] = [];
  let confidence = 0;
  const add = (span: Span, sentence: number, c: number) => {
    spans.push(span);
    confidence = Math.max(confidence, c);
    return { kind: "abuse" as const, span, sentence, emotions: { anger: 0.7 }, weight: 0.8 * c };
  };
  const hits: EmotionHit[] = [];
  // Built only when some token is a handle: most messages have none, and then no sentence has one.
  const handleSentences = tokens.some((t) => t.handle)
    ? new Set(tokens.filter((t) => t.handle).map((t) => t.sentence))
    : NO_SENTENCES;
  for (const p of profanity) {
    if (p.exclamation) continue;
    const wi = wordAt(words, p.token) ?? nearestWord(words, p.span.start);
    if (wi < 0) continue;
    const target = targetOf(words, handleSentences, wi);
    if (target === "third") continue;
    if (p.strong) hits.push(add(p.span, p.sentence, target ? 0.85 : 0.65));
    else if (
      target === "direct" ||
      (target === "us" && !/^(?:hell|heck|damn|bloody|wtf)/i.test(p.span.text))
    ) {
      hits.push(add(p.span, p.sentence, target === "direct" ? 0.7 : 0.55));
    }
  }
  for (const i of insults) {
    const w = words[i] as CustomerToken;
    if (w.quoted || negatorBefore(words, i) >= 0) continue;
    if (THIRD_PARTY_MARKERS.has(w.norm) || criticisesThing(words, i)) continue;
    const target = targetOf(words, handleSentences, i);
    if (target === "third") continue;
    const strong = STRONG_STEMS.has(w.stem);
    const short = wordsInSentence(words, w.sentence) <= 4;
    let c = 0;
    if (target === "direct") c = strong ? 0.9 : 0.6;
    else if (target === "us") c = strong ? 0.8 : 0.45;
    else if (strong || short) c = strong ? 0.6 : 0.45;
    if (c > 0) hits.push(add(spanOf(text, w.start, w.end), w.sentence, c));
  }
  return { confidence, spans, hits };
}

/** "pathetic service", "garbage phone": the insult word modifies a thing. */
function criticisesThing(words: readonly CustomerToken[], i: number): boolean {
  const sentence = words[i]?.sentence;
  for (let k = i + 1; k <= i + 2 && k < words.length; k++) {
    const w = words[k] as CustomerToken;
    if (w.sentence !== sentence) return false;
    if (THING_STEMS.has(w.stem)) return true;
  }
  return false;
}

const NO_SENTENCES: ReadonlySet<number> = new Set<number>();

const tokenIndexOf = (w: CustomerToken): number => w.index;
const startOf = (w: CustomerToken): number => w.start;

/** Where the token with index `token` sits in `words`, if it is a word (words keep token order). */
function wordAt(words: readonly CustomerToken[], token: number): number | undefined {
  const at = lowerBound(words, tokenIndexOf, token);
  return words[at]?.index === token ? at : undefined;
}

function wordsInSentence(words: readonly CustomerToken[], sentence: number): number {
  let n = 0;
  for (const w of words) if (w.sentence === sentence) n++;
  return n;
}

/** First word starting at or after `start` (words are in text order). */
function nearestWord(words: readonly CustomerToken[], start: number): number {
  const at = lowerBound(words, startOf, start);
  return at < words.length ? at : -1;
}
