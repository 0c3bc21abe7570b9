/** @module Reply detector for `robotic`: stock filler phrases, weighed by how little the reply shares with the customer. */

import { ROBOTIC_PHRASES, roboticRewrite } from "../../lexicons/reply-problems-robotic.js";
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { customerProblem } from "./shared-problems/customer-problem.js";
import { replyOverlap } from "./shared-problems/overlap.js";
import { phraseSet } from "./shared-problems/phrases.js";
import {
  type Cue,
  emptyResult,
  resultFromCues,
  sentenceWordSpan,
  wordRangeSpan,
} from "./shared-problems/result.js";
import { wordsOf } from "./shared-problems/words.js";

const roboticSet = phraseSet(ROBOTIC_PHRASES);

const SUGGESTION =
  "This reads like a template. Mention the customer's actual problem and the specific step you're taking for them.";

/** Grid-tuned on the reply-labels train split and the fixture `tune` rows (training/src/tune-reply-problems.ts). */
export const ROBOTIC_TUNING = {
  /** Multiplier on phrase evidence when the reply shares almost nothing with the customer's words. */
  lowOverlapBoost: 1.4,
  /** Multiplier when the reply is built on the customer's words. */
  highOverlapDamp: 1,
  lowOverlap: 0.08,
  highOverlap: 0.34,
  /** A short reply with no shared content and no stock phrase is still likely a template. */
  bareTemplateP: 0.3,
  bareTemplateMaxStems: 8,
  /** A short reply that mostly hands over a link, sharing little with the customer, is a link template. */
  linkTemplateP: 0.3,
  linkTemplateMaxStems: 14,
  threshold: 0.55,
};

const URL_RE = /\bhttps?:\/\/|\bwww\./i;

export function detectRobotic(input: ReplyInput): LabelResult {
  try {
    const words = wordsOf(input.reply);
    const matches = roboticSet.find(words);
    const overlap = replyOverlap(input.reply, input.customer);
    const k = ROBOTIC_TUNING;
    let factor = 1;
    if (overlap && overlap.ratio <= k.lowOverlap) factor = k.lowOverlapBoost;
    else if (overlap && overlap.ratio >= k.highOverlap) factor = k.highOverlapDamp;
    const cues: Cue[] = matches.map((m) => ({
      span: wordRangeSpan(input, words, m.from, m.to),
      p: Math.min(0.97, m.entry.w * factor),
    }));
    // Template evidence about the reply as a whole: nothing shared with the customer, or mostly a link.
    const templateP: number[] = [];
    if (matches.length === 0 && overlap && overlap.ratio === 0 && overlap.size <= k.bareTemplateMaxStems) {
      templateP.push(k.bareTemplateP);
    }
    const lowOverlap = !overlap || overlap.ratio <= k.lowOverlap;
    if (lowOverlap && URL_RE.test(input.reply.text) && (overlap?.size ?? 0) <= k.linkTemplateMaxStems) {
      templateP.push(k.linkTemplateP);
    }
    // Phrases with a fixed better line are swapped in place; the first other one gets a case-specific sentence.
    let sentenceRewritten = false;
    matches.forEach((m, i) => {
      const cue = cues[i];
      if (!cue) return;
      if (m.entry.replacement) {
        cue.rewrite = { span: cue.span, replacement: m.entry.replacement };
      } else if (!sentenceRewritten) {
        sentenceRewritten = true;
        cue.rewrite = {
          span: sentenceWordSpan(input, words, words[m.from]?.sentence ?? 0),
          replacement: roboticRewrite(customerProblem(input.customer)),
        };
      }
    });
    const opts = { baseline: 0.1, threshold: k.threshold, suggestion: SUGGESTION };
    // The whole-reply span is only ever shown for whole-reply evidence: most replies have none to show it for.
    if (words.length === 0 || templateP.length === 0) return resultFromCues("robotic", cues, opts);
    const whole = wordRangeSpan(input, words, 0, words.length - 1);
    return resultFromCues("robotic", cues, { ...opts, whole: { p: templateP, span: whole } });
  } catch {
    return emptyResult("robotic");
  }
}
