/** @module Reply detector for `asks_input`: invites the customer to choose or shape the solution (see GUIDE.md). */
import { CHOICE_STATEMENT, OFFER_QUESTION } from "../../lexicons/reply-practices-conversation.js";
import { confidenceFor, regexSpans } from "../../text/match.js";
import { sentenceSpan } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import { type ReplyInput, sentencesForQuestions } from "./detector.js";

/** A question that offers two courses of action joined by "or" ("call your mobile or the landline?"). */
const EITHER_OR =
  /\b(?:either\b[^?]{0,120}\bor\b|or\s+(?:would|shall|should|do|keep|leave|move|send|post|call|refund|replace|have))/i;

export function detectAsksInput(input: ReplyInput): LabelResult {
  const t = input.reply;
  const spans: Span[] = [];
  const sentences = sentencesForQuestions(t);
  for (let i = 0; i < sentences.length && spans.length < 4; i++) {
    const s = sentences[i];
    if (!s || !/\?(?:\s|$|["')\]])/.test(s.text)) continue;
    if (OFFER_QUESTION.test(s.text) || EITHER_OR.test(s.text)) spans.push(sentenceSpan(t, i));
  }
  spans.push(...regexSpans(t.text, CHOICE_STATEMENT, 3));
  spans.sort((a, b) => a.start - b.start);
  const value = spans.length > 0;
  const probability = value ? Math.min(0.95, 0.7 + 0.1 * spans.length) : 0.05;
  return {
    label: "asks_input",
    value,
    confidence: confidenceFor(value, probability),
    spans: spans.slice(0, 4),
  };
}
