/** @module Reply detector for `acknowledges`: names or reflects the customer's specific problem (see GUIDE.md). */
import { confidenceFor, squash } from "../../text/match.js";
import { MAX_PROFILED_SENTENCES, sentenceOverlaps } from "../../text/similarity.js";
import { sentenceSpan } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { detectEmpathy } from "./empathy.js";

const ACK_THRESHOLD = 1.3;
// Openers that point at the customer's situation ("sorry to hear about the delay", "sorry the app keeps crashing").
const REFLECT =
  /\b(?:sorry|apologi[sz]e|apologies|unfortunate|regret)\b[^.?!]{0,12}\b(?:to\s+hear|to\s+see|to\s+learn|to\s+know|about|for|that|the|your|you)\b|\b(?:that|this)\s+(?:doesn't|does\s+not|isn't|is\s+not)\s+(?:sound|look|seem)\s+right\b|\bi\s+(?:can\s+)?see\s+(?:that|the|your|why|how)\b|\bthanks?\s+(?:you\s+)?for\s+(?:letting\s+us\s+know|flagging|telling|raising|sharing)\b|\b(?:that's|that\s+is|this\s+is|it's)\s+(?:not\s+(?:right|ok|okay|good\s+enough|acceptable|the\s+service)|awful|terrible|(?:a\s+)?(?:big|long|real)\b|\w+\s+(?:weeks|days|hours|months)\s+(?:past|late|longer|overdue))|\b(?:oh|ah)\s+no\b|\bargh\b|\bnot\s+the\s+service\b/i;
// Apologies hedged into policy ("sorry, but our decision stands") reflect the rule, not the customer's problem.
const DEFLECT =
  /\b(?:but|however|unfortunately|unable|not\s+able|as\s+per|in\s+accordance|terms|policy|due\s+to|outside\s+(?:of\s+)?our\s+control|decision|stands|regret\s+to)\b/i;
// An apology or sympathy line that names the trouble ("sorry for the long wait", "apologies for the delay").
const NAMES_TROUBLE =
  /\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,25}\b(?:the|this|your|that)\s+(?:long\s+|late\s+|recent\s+)?(?:delay|wait|cancellation|mix-up|mistake|error|outage|disruption|missed\s+\w+|wrong\s+\w+|double\s+\w+|duplicate\s+\w+)\b|\bsorry\s+(?:that\s+)?(?:your|you|the|this)\b[^.?!]{0,40}\b(?:isn't|wasn't|aren't|weren't|hasn't|haven't|didn't|doesn't|don't|can't|couldn't|not|no|still|again|broke|broken|late|wrong|missing|lost|failed|stopped)\b/i;
// Instructions and questions talk about the topic without reflecting the customer's problem back.
const INSTRUCTION =
  /^\W*(?:@\w+\s+)*(?:please|try|you\s+can|feel\s+free|could\s+you|can\s+you|have\s+you|did\s+you|do\s+you|are\s+these|is\s+this|what|which|when|where|how|if\s+you)\b/i;
// Templates that reflect nothing ("I understand", "we apologize for any inconvenience").
const GENERIC_ONLY =
  /\b(?:sorry|apologi[sz]e|apologies)\s+(?:for|about)\s+(?:any|the|this|that|your)\s+(?:inconvenience|trouble|frustration|experience|issues?|problems?|hassle|confusion)(?:\s+(?:caused|you(?:'ve)?\s+(?:had|experienced)))?\s*[,.!]?\s*(?:[\w-]+\s*[.!]?)?$|\bi\s+understand\b\s*[.!]?$/i;
const QUESTION_END = /\?\s*$/;

export function detectAcknowledges(input: ReplyInput): LabelResult {
  const t = input.reply;
  const overlaps = input.customer ? sentenceOverlaps(t, input.customer) : null;
  let best = 0;
  let bestSpan: Span | null = null;
  for (let i = 0; i < Math.min(t.sentences.length, MAX_PROFILED_SENTENCES); i++) {
    const s = t.sentences[i];
    if (!s) continue;
    let score = REFLECT.test(s.text) ? 1 : 0;
    if (NAMES_TROUBLE.test(s.text)) score += 0.8;
    const o = overlaps?.[i];
    if (o) {
      let topical = Math.min(4, o.shared) * 0.45 + Math.min(2, o.sharedConcepts) * 0.3;
      topical += Math.min(2, o.sharedBigrams) * 0.3;
      if (topical > 0 && (INSTRUCTION.test(s.text) || QUESTION_END.test(s.text))) topical *= 0.4;
      score += topical;
    }
    // The checks below only lower the score: a sentence that cannot beat the best so far needs neither.
    if (score <= best) continue;
    if (DEFLECT.test(s.text)) score *= 0.4;
    if (score < 1.5 && GENERIC_ONLY.test(s.text)) score -= 0.5;
    if (score > best) {
      best = score;
      bestSpan = sentenceSpan(t, i);
    }
  }
  let probability = squash(best, ACK_THRESHOLD, 2);
  const empathy = detectEmpathy(input);
  // Naming the customer's feeling in specific terms reflects their situation too.
  if (empathy.value) probability = Math.max(probability, 0.5 + empathy.confidence * 0.4);
  const value = probability >= 0.5 && bestSpan !== null;
  const spans = value ? (bestSpan && best > 0 ? [bestSpan] : empathy.spans) : [];
  const result: LabelResult = {
    label: "acknowledges",
    value,
    confidence: confidenceFor(value, probability),
    spans,
  };
  if (!value) result.suggestion = "Name the customer's specific problem so they know you read their message.";
  return result;
}
