/** @module Tells a deadline the customer must meet ("you must reply by Friday") from a time we commit to. */
import type { Tokenized } from "./tokenize.js";

// The customer is the one who must act: "you must/need to/have to…", "you have until…", "if you don't…".
const YOU_MUST =
  /\byou(?:'ll|\s+will)?\s+(?:must|need\s+to|needs\s+to|have\s+to|will\s+need\s+to|should|are\s+required\s+to|are\s+asked\s+to|have\s+until|only\s+have|have\s+got)\b|\byou\s+(?:have|get|got)\s*$|\bif\s+you\s+(?:don't|do\s+not|fail\s+to|haven't|have\s+not|can't|cannot)\b|\b(?:your|the|this)\s+(?:offer|code|voucher|coupon|discount|link|deadline|window|claim|return\s+window|appointment\s+slot)\b[^,;]*$|\b(?:expires?|expiring|valid\s+(?:until|till|for)|deadline|no\s+later\s+than|latest)\b[^,;]*$/i;
// An imperative aimed at the customer at the start of the clause ("Please reply by Friday").
const IMPERATIVE =
  /^(?:(?:please|kindly|just|simply)\s+)?(?:reply|respond|return|send|submit|confirm|complete|claim|cancel|pay|upload|register|activate|redeem|book|apply|make\s+sure|ensure|get\s+back|call\s+us|contact\s+us|let\s+us\s+know|dm\s+us|use\s+it|bring|collect|pick\s+(?:it\s+)?up|drop\s+(?:it\s+)?off|sign|fill)\b/i;
// We are the subject: "we will…", "our team aims to…", "it will arrive…": a commitment, not a customer deadline.
const WE_COMMIT =
  /\b(?:we|we'll|we're|i|i'll|i'm|our|us|it|it'll|this|they|they'll)\b[^,;]*\b(?:will|'ll|shall|aim|expect|plan|going\s+to|should|be)\b|\b(?:allow|expect|wait)\b/i;

function clauseBefore(t: Tokenized, offset: number): string {
  let lo = 0;
  let hi = t.sentences.length - 1;
  let sentenceStart = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = t.sentences[mid];
    if (!s) break;
    if (s.start <= offset) {
      sentenceStart = s.start;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const from = Math.max(sentenceStart, offset - 160);
  const before = t.text.slice(from, offset);
  const cut = Math.max(
    before.lastIndexOf(","),
    before.lastIndexOf(";"),
    before.lastIndexOf(":"),
    before.lastIndexOf("\n"),
  );
  return before.slice(cut + 1).trim();
}

/** Whether the time at `offset` is something the customer must meet rather than something we promise. */
export function isCustomerDeadline(t: Tokenized, offset: number): boolean {
  const clause = clauseBefore(t, offset);
  if (!clause) return false;
  // "DM us your order number and we'll replace it today": the time belongs to our half of the sentence.
  if (/\b(?:we|i)(?:'ll|\s+will|\s+shall|'re\s+going\s+to|\s+are\s+going\s+to)\b/i.test(clause)) return false;
  if (IMPERATIVE.test(clause) && !/\b(?:allow|expect|wait)\b/i.test(clause)) return true;
  if (!YOU_MUST.test(clause)) return false;
  // "You should receive it by Friday" is our promise phrased around the customer.
  if (/\byou\s+(?:should|will|'ll)\s+(?:receive|get|see|hear|have)\b/i.test(clause)) return false;
  return !(WE_COMMIT.test(clause) && !/\byou\b/i.test(clause));
}
