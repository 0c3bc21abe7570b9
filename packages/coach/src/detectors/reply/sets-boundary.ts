/** @module Reply detector for `sets_boundary`: a calm boundary on abuse that keeps helping, or a script when missing. */

import { BOUNDARY_PHRASES, BOUNDARY_SCRIPT } from "../../lexicons/reply-problems-boundary.js";
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { customerIsAbusive } from "./shared-problems/abuse.js";
import { phraseSet } from "./shared-problems/phrases.js";
import { type Cue, emptyResult, resultFromCues, wordRangeSpan } from "./shared-problems/result.js";
import { type Word, wordsOf } from "./shared-problems/words.js";

const boundarySet = phraseSet(BOUNDARY_PHRASES);

// A boundary that stops helping ("we will end this conversation") is a shut-down, not a boundary set while helping.
const HELP_WORDS = new Set([
  "help",
  "sort",
  "sorted",
  "fix",
  "resolve",
  "look",
  "check",
  "assist",
  "find",
  "refund",
  "refunded",
  "replace",
  "send",
  "sent",
  "confirm",
  "let",
]);

function isHelping(input: ReplyInput, words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]?.w ?? "";
    if (HELP_WORDS.has(w)) return true;
    // "I'll…", "I've…", "we will…": the agent commits to doing something.
    if ((w === "i" || w === "we") && (words[i + 1]?.w === "will" || words[i + 1]?.w === "have")) return true;
  }
  return input.reply.tokens.some((t) => t.text === "?");
}

export function detectSetsBoundary(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const abusive = input.customerAnalysis?.abusive === true || customerIsAbusive(input.customer);
    const matches = boundarySet.find(words);
    const helping = isHelping(input, words);
    // Without detected abuse, only a boundary that names the language shows the customer was abusive.
    const usable = abusive ? matches : matches.filter((m) => m.entry.explicit);
    const cues: Cue[] = usable.map((m) => ({
      span: wordRangeSpan(input, words, m.from, m.to),
      p: m.entry.w * (abusive ? 1 : 0.7) * (helping ? 1 : 0.45),
    }));
    const result = resultFromCues("sets_boundary", cues, { baseline: abusive ? 0.1 : 0.01 });
    if (!result.value && abusive) result.suggestion = BOUNDARY_SCRIPT;
    return result;
  } catch {
    return emptyResult("sets_boundary");
  }
}
