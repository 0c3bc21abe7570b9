/**
 * @module Reply detector for `robotic`: canned filler that ignores the specifics. Stock phrases are the evidence;
 * low overlap with the customer's own words strengthens it, a reply built on their words weakens it.
 */
import { ROBOTIC_PHRASES, roboticRewrite } from "../../lexicons/reply-problems-robotic.js";
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { customerProblem } from "./shared-problems/customer-problem.js";
import { replyOverlap } from "./shared-problems/overlap.js";
import { phraseSet } from "./shared-problems/phrases.js";
import {
  type Cue,
  combine,
  emptyResult,
  resultFromCues,
  sentenceWordSpan,
  wordRangeSpan,
} from "./shared-problems/result.js";
import { wordsOf } from "./shared-problems/words.js";

const roboticSet = phraseSet(ROBOTIC_PHRASES);

const SUGGESTION =
  "This reads like a template. Mention the customer's actual problem and the specific step you're taking for them.";

/** Tuned on the reply-labels train split (see training/src/tune-reply-problems.ts). */
export const ROBOTIC_TUNING = {
  /** Multiplier on phrase evidence when the reply shares almost nothing with the customer's words. */
  lowOverlapBoost: 1.35,
  /** Multiplier when the reply is built on the customer's words. */
  highOverlapDamp: 0.6,
  lowOverlap: 0.12,
  highOverlap: 0.34,
  /** A short reply with no shared content and no stock phrase is still likely a template. */
  bareTemplateP: 0.3,
  bareTemplateMaxStems: 8,
};

export function detectRobotic(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const phraseCues: Cue[] = roboticSet.find(words).map((m) => ({
      span: wordRangeSpan(input, words, m.from, m.to),
      p: m.entry.w,
    }));
    const overlap = replyOverlap(input.reply, input.customer);
    const k = ROBOTIC_TUNING;
    let factor = 1;
    if (overlap && overlap.ratio <= k.lowOverlap) factor = k.lowOverlapBoost;
    else if (overlap && overlap.ratio >= k.highOverlap) factor = k.highOverlapDamp;
    const phraseP = combine(phraseCues.map((c) => c.p));
    const cues: Cue[] = phraseCues.map((c) => ({ ...c, p: Math.min(0.97, c.p * factor) }));
    if (
      phraseP === 0 &&
      overlap &&
      overlap.ratio === 0 &&
      overlap.size <= k.bareTemplateMaxStems &&
      words.length > 0
    ) {
      const first = words[0];
      const last = words[words.length - 1];
      if (first && last)
        cues.push({ span: wordRangeSpan(input, words, 0, words.length - 1), p: k.bareTemplateP });
    }
    const firstCue = cues[0];
    if (firstCue) {
      const sentence =
        input.reply.tokens[
          words.find((w) => input.reply.tokens[w.tok]?.start === firstCue.span.start)?.tok ?? 0
        ]?.sentence;
      if (sentence !== undefined) {
        firstCue.rewrite = {
          span: sentenceWordSpan(input, words, sentence),
          replacement: roboticRewrite(customerProblem(input.customer)),
        };
      }
    }
    return resultFromCues("robotic", cues, { baseline: 0.1, suggestion: SUGGESTION });
  } catch {
    return emptyResult("robotic");
  }
}
