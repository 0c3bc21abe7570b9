/** @module Reply detector for `clarifying_question`: asks for information needed to resolve the issue (see GUIDE.md). */

import {
  EMPTY_QUESTION,
  HAVE_YOU_TRIED,
  INFO_REQUEST,
  NEED_INFO,
  QUESTION_OPENER,
} from "../../lexicons/reply-practices-actions.js";
import { OFFER_QUESTION } from "../../lexicons/reply-practices-conversation.js";
import { confidenceFor, regexSpans, squash, uniqueSpans } from "../../text/match.js";
import { sentenceSpan } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import { type ReplyInput, sentencesForQuestions } from "./detector.js";

export function detectClarifyingQuestion(input: ReplyInput): LabelResult {
  const t = input.reply;
  if (t.tokens.length === 0)
    return { label: "clarifying_question", value: false, confidence: 0.95, spans: [] };
  const questions: Span[] = [];
  let score = 0;
  const sentences = sentencesForQuestions(t);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    // A "?" inside a link's query string is not a question.
    if (!s || !/\?(?:\s|$|["')\]])/.test(s.text)) continue;
    const q = s.text;
    // Offers and choices belong to asks_input; they are not requests for facts.
    if (
      EMPTY_QUESTION.test(q) ||
      (OFFER_QUESTION.test(q) &&
        !/\b(?:what|which|when|where)\s+(?:[\w-]+\s+){1,4}(?:is|are|was|were|did|do)\s+you\b/i.test(q))
    )
      continue;
    HAVE_YOU_TRIED.lastIndex = 0;
    if (HAVE_YOU_TRIED.test(q)) continue;
    if (!QUESTION_OPENER.test(q)) continue;
    // A question about the customer's situation ("you", "your", "it", "the …") is a real ask.
    score += /\b(?:you|your|it|this|the|they|he|she|any)\b/i.test(q) ? 1.6 : 1;
    questions.push(sentenceSpan(t, i));
  }
  const requests = regexSpans(t.text, INFO_REQUEST);
  for (const s of regexSpans(t.text, NEED_INFO, 3)) requests.push(s);
  score += Math.min(2, requests.length) * 1.3;
  const probability = squash(score, 0.8);
  const value = probability >= 0.5;
  return {
    label: "clarifying_question",
    value,
    confidence: confidenceFor(value, probability),
    spans: value ? uniqueSpans(questions.concat(requests)).slice(0, 6) : [],
  };
}
