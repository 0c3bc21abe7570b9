/** @module Reply detector for `timeline`: a concrete time for the next update or the fix, not a customer deadline. */
import { sentenceAt } from "../../text/match.js";
import type { LabelResult, ParsedTime, Span } from "../../types.js";
import type { ReplyInput } from "./detector.js";

// Words that make a time a commitment about what comes next.
const FUTURE =
  /\b(?:will|'ll|shall|should|expect|expected|takes?|take\s+up\s+to|within|by|until|next|due|scheduled|aim|plan|going\s+to|estimated|arrive|reach|appear|be\s+(?:back|ready|available)|is\s+at|leaves?|departs?|book(?:ed)?|scheduled|arranged|planned|offer|slots?|can\s+(?:book|arrange|schedule|get|have|do)|refresh|allow|typically|usually|normally|can\s+take)\b/i;
// Opening hours and offsets from another event ("24 hours before departure") are not a plan for this case.
const NOT_A_PLAN =
  /\b(?:we're|we\s+are)\s+(?:here|open|available)\b|\bopening\s+hours\b|\b(?:opens|closes|open\s+(?:from|until|till))\b|\bevery\s+day\b|\bdaily\b|\b24\/7\b/i;
const OFFSET_AFTER =
  /^\s*(?:before|after|ago|prior|earlier|later\s+than|of\s+(?:purchase|delivery|departure))\b/i;
// A time in the past ("we shipped it on Monday", "3 days ago") describes history, not a plan.
const PAST_MARK =
  /\b(?:ago|since|last|yesterday|earlier|was|were|had|did|been|originally|spoke|sent|came|went|told|said|gave|took|got|made|[a-z]{3,}ed)\b/i;
const NO_ESTIMATE =
  /\b(?:no|don't\s+have\s+an?|do\s+not\s+have\s+an?|cannot\s+give\s+an?|can't\s+give\s+an?)\s+(?:estimated?|eta|timeframe|time\s*frame|date)\b/i;

function isCommitment(p: ParsedTime, sentence: string, spanInSentence: number): boolean {
  if (p.customerDeadline || NOT_A_PLAN.test(sentence)) return false;
  if (OFFSET_AFTER.test(sentence.slice(spanInSentence + p.span.text.length))) return false;
  const before = sentence.slice(Math.max(0, spanInSentence - 80), spanInSentence);
  if (NO_ESTIMATE.test(before)) return false;
  const lead = p.span.text.toLowerCase();
  const led =
    /^(?:by|before|until|till|within|in|up\s+to|on|at|from|for|next|this|takes?|allow|around|about)\b/.test(
      lead,
    );
  if (PAST_MARK.test(before) && !FUTURE.test(before)) return false;
  // A rate ("2GB in a week") measures usage; it is not a time for anything to happen.
  if (p.kind === "duration" && /(?:\d|\b(?:once|twice|times))\s*[a-z]{0,3}\s*$/i.test(before)) return false;
  // Long windows ("within 12 months") are usually policy terms unless a future verb ties them to this case.
  // "for 48 hours" says how long, not when.
  if (p.kind === "duration" && /^(?:for|over)\b/.test(lead)) return false;
  if (p.kind === "duration") return led && (p.hours ?? 0) <= 24 * 31 ? true : FUTURE.test(before);
  if (p.kind === "time" || p.kind === "datetime" || p.kind === "date") return led || FUTURE.test(before);
  // Weekdays and relative days ("today") are often small talk: want a lead word or a future verb.
  return (led && !/^(?:this|for)\b/.test(lead)) || FUTURE.test(before);
}

export function detectTimeline(input: ReplyInput): LabelResult {
  const t = input.reply;
  const spans: Span[] = [];
  let customerOnly = false;
  for (const p of input.timelines) {
    const si = sentenceAt(t, p.span.start);
    const s = t.sentences[si];
    const sentence = s ? s.text : t.text;
    const offset = s ? p.span.start - s.start : p.span.start;
    if (p.customerDeadline) customerOnly = true;
    if (isCommitment(p, sentence, offset)) spans.push(p.span);
  }
  const value = spans.length > 0;
  const probability = value ? Math.min(0.95, 0.72 + 0.1 * spans.length) : customerOnly ? 0.12 : 0.06;
  const result: LabelResult = {
    label: "timeline",
    value,
    confidence: Math.round((value ? probability : 1 - probability) * 1000) / 1000,
    spans: spans.slice(0, 6),
  };
  if (!value) {
    result.suggestion = customerOnly
      ? "The only date here is the customer's deadline: also say when you will update them or fix it."
      : 'Give a concrete time for the next update or the fix ("by Friday", "within 24 hours").';
  }
  return result;
}
