/** @module Complaint hashtags ("#SouthwestSucks", "#worstservice", "#neveragain"): negative roots inside one word. */
import { spanOf } from "../../text/tokenize.js";
import { HASH_FLAG } from "./customer-text.js";
import { type CustomerInput, type EmotionHit, NO_HITS } from "./detector.js";

/** Root → anger weight. Roots are matched inside the lower-cased hashtag. */
const ROOTS: ReadonlyArray<readonly [string, number]> = [
  ["sucks", 0.7],
  ["worst", 0.7],
  ["fail", 0.5],
  ["fraud", 0.7],
  ["scam", 0.7],
  ["terrible", 0.6],
  ["horrible", 0.6],
  ["awful", 0.6],
  ["boycott", 0.7],
  ["cheat", 0.6],
  ["liar", 0.7],
  ["ripoff", 0.7],
  ["joke", 0.5],
  ["neveragain", 0.7],
  ["disappoint", 0.4],
  ["pathetic", 0.7],
  ["useless", 0.6],
  ["badservice", 0.6],
  ["poorservice", 0.6],
  ["shame", 0.5],
  ["angry", 0.6],
  ["furious", 0.8],
  ["fedup", 0.6],
  ["spammer", 0.5],
  ["nothappy", 0.6],
  ["unacceptable", 0.6],
];

export function detectHashtags(input: CustomerInput): readonly EmotionHit[] {
  const text = input.text.t.text;
  // Hashtag words follow a "#": without one there is nothing to read.
  if ((input.text.flags & HASH_FLAG) === 0) return NO_HITS;
  const hits: EmotionHit[] = [];
  for (const tok of input.text.tokens) {
    if (!tok.hashtag || tok.ignored || tok.kind !== "word") continue;
    const lower = tok.norm;
    let weight = 0;
    for (const [root, w] of ROOTS) if (lower.includes(root)) weight = Math.max(weight, w);
    if (weight === 0) continue;
    hits.push({
      kind: "anger_word",
      span: spanOf(text, tok.start, tok.end),
      sentence: tok.sentence,
      emotions: { anger: weight * 0.7, annoyance: weight * 0.5 },
      weight,
    });
  }
  return hits;
}
