/** @module Reply detector for `blame`: at the customer, another team or a third party, or defensive (see GUIDE.md). */
import {
  BLAME_REFRAMES,
  type BlameKind,
  DEFENSIVE_OPENER_REPLACEMENT,
} from "../../lexicons/reply-problems-blame.js";
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { findBlameCues } from "./shared-problems/cue-finders.js";
import {
  type Cue,
  emptyResult,
  resultFromCues,
  sentenceWordSpan,
  withTrailingComma,
  wordRangeSpan,
} from "./shared-problems/result.js";
import { wordsOf } from "./shared-problems/words.js";

const SUGGESTIONS: Record<BlameKind, string> = {
  customer: "Describe what happened without pointing at the customer, then say what you'll do to fix it.",
  third_party:
    "Own the problem instead of pointing at a partner or another team: say what you're doing to sort it.",
  defensive: 'Drop the defensive tone ("as I already said"): restate the point briefly and move to the fix.',
};

const AS_OPENERS = new Set(["as", "like"]);

export function detectBlame(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const found = findBlameCues(input.reply);
    const rewritten = new Set<number>();
    const cues: Cue[] = found.map((f) => {
      const span = wordRangeSpan(input, words, f.from, f.to);
      // "As I already said," can be swapped in place; anything else gets a neutral sentence instead.
      if (f.kind === "defensive" && AS_OPENERS.has(words[f.from]?.w ?? "")) {
        const wide = withTrailingComma(input, span);
        return { span, p: f.w, rewrite: { span: wide, replacement: DEFENSIVE_OPENER_REPLACEMENT } };
      }
      if (rewritten.has(f.sentence)) return { span, p: f.w };
      rewritten.add(f.sentence);
      return {
        span,
        p: f.w,
        rewrite: { span: sentenceWordSpan(input, words, f.sentence), replacement: BLAME_REFRAMES[f.kind] },
      };
    });
    const strongest = [...found].sort((a, b) => b.w - a.w)[0];
    const opts = strongest ? { baseline: 0.04, suggestion: SUGGESTIONS[strongest.kind] } : { baseline: 0.04 };
    return resultFromCues("blame", cues, opts);
  } catch {
    return emptyResult("blame");
  }
}
