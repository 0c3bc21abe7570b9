/**
 * @module Politeness of a request, 0–1, from the politeness strategies of Danescu-Niculescu-Mizil et al. (ACL 2013).
 * Weights are set by hand from the direction each strategy had in that paper: the only politeness-labelled corpus
 * at hand has no confirmed licence, so it scores this model and never fits it.
 */

import { normalizeWord } from "../text/tokenize.js";

interface Strategy {
  name: string;
  pattern: RegExp;
  weight: number;
}

// Patterns run on lower-cased text with straight apostrophes; `^` strategies look at each sentence start.
const STRATEGIES: readonly Strategy[] = [
  {
    name: "gratitude",
    pattern: /\b(?:thanks|thank you|thx|(?:i|we) (?:really )?appreciate|grateful)\b/,
    weight: 0.9,
  },
  {
    name: "deference",
    pattern: /\b(?:great|good|nice|interesting|excellent) (?:question|point|work|idea|job)\b/,
    weight: 0.6,
  },
  { name: "greeting", pattern: /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b/, weight: 0.5 },
  {
    name: "apologizing",
    pattern: /\b(?:sorry|apologi[sz]e|apologies|forgive me|excuse me|pardon)\b/,
    weight: 0.7,
  },
  // "please" inside a sentence; the first class excludes whitespace so long blank runs cannot backtrack quadratically.
  { name: "please", pattern: /[^.!?\s]\s*\bplease\b/, weight: 0.5 },
  { name: "please_start", pattern: /^please\b/, weight: -0.3 },
  { name: "indirect_btw", pattern: /\bby the way\b|\bbtw\b/, weight: 0.4 },
  {
    name: "hedges",
    pattern:
      /\b(?:i think|i suggest|i believe|i guess|maybe|perhaps|possibly|probably|might|seems?|somewhat|i wonder|wondering)\b/,
    weight: 0.4,
  },
  { name: "counterfactual_modal", pattern: /\b(?:could|would) you\b/, weight: 0.7 },
  { name: "indicative_modal", pattern: /\b(?:can|will) you\b/, weight: 0.2 },
  { name: "first_person_start", pattern: /^(?:i|my|i'm|i've|i'd)\b/, weight: 0.3 },
  { name: "first_person_plural", pattern: /\b(?:we|our|us|let's)\b/, weight: 0.1 },
  {
    name: "positive_lexicon",
    pattern: /\b(?:great|good|nice|helpful|glad|happy|welcome|kind|awesome|wonderful|love)\b/,
    weight: 0.3,
  },
  { name: "direct_question", pattern: /^(?:what|why|who|how|where|when)\b[^.!]*\?/, weight: -0.7 },
  { name: "direct_start", pattern: /^(?:so|then|and|but|or)\b/, weight: -0.5 },
  { name: "second_person_start", pattern: /^(?:you|your|you're|you've|yours)\b/, weight: -0.6 },
  {
    name: "factuality",
    pattern: /\b(?:in fact|actually|the point is|the reality is|the truth is|obviously|clearly)\b/,
    weight: -0.5,
  },
  {
    name: "negative_lexicon",
    pattern:
      /\b(?:wrong|stupid|bad|ridiculous|nonsense|useless|terrible|awful|hate|idiot|damn|hell|crap|fuck\w*|shit\w*)\b/,
    weight: -0.9,
  },
  {
    name: "imperative_start",
    pattern: /^(?:do|don't|stop|give|tell|send|read|look|check|fix|go|explain|make)\b/,
    weight: -0.6,
  },
];

const SENTENCE = /[^.!?\n]+[.!?]*/g;
/** Strategies read at each sentence start rather than anywhere (known once, not per call). */
const ANCHORED = new Set(STRATEGIES.filter((s) => s.pattern.source.startsWith("^")));

const WORD_CHARS = /^\w+/;

/**
 * The words a sentence-start pattern can begin with ("^(?:hi|hello|good (?:morning…))\b" gives hi, hello, good), as
 * the run of word characters a matching sentence starts with; null when the pattern does not read that simply.
 */
export function leadingWordsOf(pattern: RegExp): ReadonlySet<string> | null {
  const source = pattern.source;
  if (!source.startsWith("^")) return null;
  const body = source.slice(1);
  let alternatives = [body];
  let rest = "";
  if (body.startsWith("(?:")) {
    const close = closingParen(body, 0);
    if (close < 0) return null;
    alternatives = splitTopLevel(body.slice(3, close));
    rest = body.slice(close + 1);
  }
  const words = new Set<string>();
  for (const alternative of alternatives) {
    const word = WORD_CHARS.exec(alternative)?.[0];
    if (word === undefined) return null;
    // The run must end where the pattern's word does: at a boundary, a space or an apostrophe.
    const after = alternative.slice(word.length) || rest;
    if (!after.startsWith("\\b") && !after.startsWith(" ") && !after.startsWith("'")) return null;
    words.add(word);
  }
  return words;
}

/** Index of the ")" closing the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The alternatives of a group's body, split at its own `|` only. */
function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

/** Per anchored strategy, the first words it can match after (null: test every sentence). */
const LEADING_WORDS = new Map([...ANCHORED].map((s) => [s, leadingWordsOf(s.pattern)]));

/** Whether an anchored strategy matches at some sentence start; `firstWords` are the sentences' leading words. */
function anchoredHit(s: Strategy, starts: readonly string[], firstWords: readonly string[]): boolean {
  const words = LEADING_WORDS.get(s) ?? null;
  for (let i = 0; i < starts.length; i++) {
    if (words !== null && !words.has(firstWords[i] ?? "")) continue;
    if (s.pattern.test(starts[i] ?? "")) return true;
  }
  return false;
}

/** Names of the strategies found in `text`, for explanations and tests. */
export function politenessStrategies(text: string): string[] {
  return politenessStrategiesOfLowered(normalizeWord(text));
}

/** `politenessStrategies` of a text already lower-cased with straight apostrophes (`normalizeWord`). */
function politenessStrategiesOfLowered(lower: string): string[] {
  const starts: string[] = [];
  const firstWords: string[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(lower); m !== null; m = SENTENCE.exec(lower)) {
    const sentence = m[0].trimStart();
    starts.push(sentence);
    firstWords.push(WORD_CHARS.exec(sentence)?.[0] ?? "");
  }
  const found: string[] = [];
  for (const s of STRATEGIES) {
    const hit = ANCHORED.has(s) ? anchoredHit(s, starts, firstWords) : s.pattern.test(lower);
    if (hit) found.push(s.name);
  }
  return found;
}

const WEIGHT = new Map(STRATEGIES.map((s) => [s.name, s.weight]));

/** 0 (rude) – 1 (very polite); 0.5 for text with no strategy at all. */
export function politenessScore(text: string): number {
  return politenessScoreOfLowered(normalizeWord(text));
}

/** `politenessScore` of a text already lower-cased with straight apostrophes (`normalizeWord`). */
export function politenessScoreOfLowered(lower: string): number {
  let z = 0;
  for (const name of politenessStrategiesOfLowered(lower)) z += WEIGHT.get(name) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
