/**
 * @module Politeness of a request, 0–1, from the politeness strategies of Danescu-Niculescu-Mizil et al. (ACL 2013).
 * Weights are set by hand from the direction each strategy had in that paper: the only politeness-labelled corpus
 * at hand has no confirmed licence, so it scores this model and never fits it.
 */

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

/** Names of the strategies found in `text`, for explanations and tests. */
export function politenessStrategies(text: string): string[] {
  const lowered = text.toLowerCase();
  const lower = lowered.includes("’") ? lowered.replace(/’/g, "'") : lowered;
  const starts: string[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(lower); m !== null; m = SENTENCE.exec(lower)) starts.push(m[0].trimStart());
  const found: string[] = [];
  for (const s of STRATEGIES) {
    const hit = ANCHORED.has(s) ? starts.some((sentence) => s.pattern.test(sentence)) : s.pattern.test(lower);
    if (hit) found.push(s.name);
  }
  return found;
}

const WEIGHT = new Map(STRATEGIES.map((s) => [s.name, s.weight]));

/** 0 (rude) – 1 (very polite); 0.5 for text with no strategy at all. */
export function politenessScore(text: string): number {
  let z = 0;
  for (const name of politenessStrategies(text)) z += WEIGHT.get(name) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
