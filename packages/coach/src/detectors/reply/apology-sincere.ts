/** @module Reply detector for `apology_sincere`: an unhedged apology that owns the experience (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { findApologies } from "./shared-problems/apologies.js";
import { type Cue, emptyResult, resultFromCues, wordRangeSpan } from "./shared-problems/result.js";
import { wordsOf } from "./shared-problems/words.js";

export function detectApologySincere(input: ReplyInput): LabelResult {
  try {
    const apologies = findApologies(input.reply);
    const words = wordsOf(input.reply);
    // A hedged apology anywhere undercuts the sincere one: the reader hears the hedge.
    const hedged = apologies.some((a) => a.verdict === "non_apology");
    const cues: Cue[] = hedged
      ? []
      : apologies
          .filter((a) => a.verdict === "sincere")
          .map((a) => ({ span: wordRangeSpan(input, words, a.from, a.to), p: a.p }));
    const result = resultFromCues("apology_sincere", cues, { baseline: 0.04 });
    if (!result.value && hedged) result.confidence = 0.85;
    return result;
  } catch {
    return emptyResult("apology_sincere");
  }
}
