/** @module Reply detector for `negative_language`: "we can't", "not my department" and other negative framing. */
import { NEGATIVE_REFRAMES } from "../../lexicons/reply-problems-negative.js";
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { findNegativeCues } from "./shared-problems/cue-finders.js";
import {
  type Cue,
  emptyResult,
  resultFromCues,
  sentenceWordSpan,
  wordRangeSpan,
} from "./shared-problems/result.js";
import { wordsOf } from "./shared-problems/words.js";

const SUGGESTION =
  "Lead with what you can do rather than what you can't: offer the closest option, or connect the customer with the team that handles it.";

export function detectNegativeLanguage(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const rewritten = new Set<number>();
    const cues: Cue[] = findNegativeCues(input.reply).map((f) => {
      const span = wordRangeSpan(input, words, f.from, f.to);
      if (rewritten.has(f.sentence)) return { span, p: f.w };
      rewritten.add(f.sentence);
      return {
        span,
        p: f.w,
        rewrite: { span: sentenceWordSpan(input, words, f.sentence), replacement: NEGATIVE_REFRAMES[f.kind] },
      };
    });
    return resultFromCues("negative_language", cues, { baseline: 0.05, suggestion: SUGGESTION });
  } catch {
    return emptyResult("negative_language");
  }
}
