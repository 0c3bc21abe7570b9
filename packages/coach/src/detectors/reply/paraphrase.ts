/** @module Reply detector for `paraphrase`: a sentence restating the customer's issue in its own words (see GUIDE.md). */
import { PARAPHRASE_FRAME } from "../../lexicons/reply-practices-conversation.js";
import { confidenceFor, squash } from "../../text/match.js";
import { MAX_PROFILED_SENTENCES, sentenceOverlaps, verbatimShare } from "../../text/similarity.js";
import { sentenceSpan } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import type { ReplyInput } from "./detector.js";

const THRESHOLD = 3.2;
// Advice and troubleshooting questions mention the problem without restating it.
const ADVICE =
  /\b(?:have|did)\s+you\s+(?:already\s+)?(?:tried|try)\b|^\W*(?:@\w+\s+)*(?:hi\s+\w+,?\s+)?(?:you\s+(?:can|should|could|may)|are\s+these|is\s+this|please|if\s+you're)\b/i;
const OUR_SIDE =
  /\b(?:we|i|who|they|team)(?:'ll|\s+will|\s+can|\s+could)\b|\b(?:terms|policy|not\s+possible|unable|accepted|should\s+have)\b/i;
const CUSTOMER_SUBJECT = /\byou(?:'ve|'re|\s+were|\s+have|\s+had|\s+are)?\b|\byour\b/i;

export function detectParaphrase(input: ReplyInput): LabelResult {
  const t = input.reply;
  const customer = input.customer;
  const overlaps = customer ? sentenceOverlaps(t, customer) : null;
  let best = 0;
  let bestSpan: Span | null = null;
  for (let i = 0; i < Math.min(t.sentences.length, MAX_PROFILED_SENTENCES); i++) {
    const s = t.sentences[i];
    if (!s || s.tokenEnd - s.tokenStart < 5) continue;
    PARAPHRASE_FRAME.lastIndex = 0;
    const framed = PARAPHRASE_FRAME.test(s.text);
    let score = framed ? 1.6 : 0;
    const o = overlaps?.[i];
    if (customer && o) {
      score += Math.min(6, o.shared) * 0.5 + Math.min(3, o.sharedConcepts) * 0.35;
      score += Math.min(2, o.sharedBigrams) * 0.25;
      // Restating means new words too: a sentence of only copied words is an echo, and one with none is unrelated.
      if (o.stems > 0 && o.shared === o.stems && o.stems < 4) score -= 0.8;
      if (o.shared === 0) score -= 1;
      // Only a sentence close enough to count can be a copy, so the n-gram check runs on few sentences.
      if (score >= THRESHOLD - 0.5 && verbatimShare(t, s.tokenStart, s.tokenEnd, customer) > 0.5) {
        score = Math.min(score, THRESHOLD - 0.5);
      }
      // The checks below add at most 0.3: a sentence that cannot beat the best so far needs none of them.
      if (score + 0.3 <= best) continue;
      // Restating describes the customer's situation; our plans and our policies are something else.
      if (!framed && OUR_SIDE.test(s.text)) score -= 0.9;
      if (ADVICE.test(s.text)) score -= 1;
      // The customer as subject ("you were charged", "your order") is how restatements read.
      if (CUSTOMER_SUBJECT.test(s.text)) score += 0.3;
    } else if (framed && s.tokenEnd - s.tokenStart >= 8) score += 1.2;
    if (score > best) {
      best = score;
      bestSpan = sentenceSpan(t, i);
    }
  }
  const probability = squash(best, THRESHOLD, 2);
  const value = probability >= 0.5 && bestSpan !== null;
  return {
    label: "paraphrase",
    value,
    confidence: confidenceFor(value, probability),
    spans: value && bestSpan ? [bestSpan] : [],
  };
}
