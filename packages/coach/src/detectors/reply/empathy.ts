/** @module Reply detector for `empathy`: names the customer's feeling or its cause in specific terms (see GUIDE.md). */

import { EMPATHY_FRAME, FEELING, STOCK_EMPATHY } from "../../lexicons/reply-practices-conversation.js";
import { confidenceFor, regexSpans, sentenceAt, squash } from "../../text/match.js";
import { memoByIdentity } from "../../text/memo.js";
import { MAX_PROFILED_SENTENCES, sentenceOverlaps } from "../../text/similarity.js";
import { sentenceSpan, type Tokenized } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import type { ReplyInput } from "./detector.js";

// Specific detail in the same sentence: a number, a duration, or a cause ("especially with rent due", "after you…").
const SPECIFIC =
  /\d|\b(?:especially|because|since|when|after|before|without|with\s+(?:your|the|a|an)|on\s+top\s+of|two|three|four|five|six|seven|eight|nine|ten|days?|weeks?|hours?|months?)\b/i;
// Asking after the person ("is your little one okay?") shows concern for them, not just the case.
const WELLBEING =
  /\b(?:is|are)\s+(?:your|the|you)\b[^.?!]{0,25}\b(?:ok|okay|alright|all\s+right|safe|hurt|injured|well)\s*\?|\bhope\s+(?:you|your|they|he|she)\b[^.?!]{0,30}\b(?:ok|okay|safe|better|well)\b/i;
// Statements about ourselves, not the customer ("we are disappointed in our results").
const ABOUT_US = /^\s*(?:we|our)\b(?!.*\b(?:you|your)\b)/i;

/** Hits of a cue per sentence, from one pass over the text rather than one per sentence. */
function hitsPerSentence(t: Tokenized, re: RegExp, sentences: number): number[] {
  const counts = new Array<number>(sentences).fill(0);
  const end = t.sentences[sentences - 1]?.end ?? 0;
  for (const hit of regexSpans(t.text.slice(0, end), re, 400)) {
    const i = sentenceAt(t, hit.start);
    if (i >= 0 && i < sentences) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function hasAny(counts: readonly number[]): boolean {
  for (const n of counts) if (n > 0) return true;
  return false;
}

// acknowledges consults empathy too; one result per input keeps coachReply from running it twice.
export const detectEmpathy: (input: ReplyInput) => LabelResult = memoByIdentity(detectEmpathyUncached);

function detectEmpathyUncached(input: ReplyInput): LabelResult {
  const t = input.reply;
  const overlaps = input.customer ? sentenceOverlaps(t, input.customer) : null;
  let best = 0;
  let bestSpan: Span | null = null;
  const read = Math.min(t.sentences.length, MAX_PROFILED_SENTENCES);
  const feelingHits = hitsPerSentence(t, FEELING, read);
  const frameHits = hitsPerSentence(t, EMPATHY_FRAME, read);
  // Stock lines only lower a sentence that names a feeling or frames one: without those there is nothing to lower.
  const stockHits =
    hasAny(feelingHits) || hasAny(frameHits) ? hitsPerSentence(t, STOCK_EMPATHY, read) : feelingHits;
  for (let i = 0; i < read; i++) {
    const s = t.sentences[i];
    if (!s) continue;
    const feelings = feelingHits[i] ?? 0;
    const frames = frameHits[i] ?? 0;
    if (feelings === 0 && frames === 0) continue;
    let score = Math.min(2, feelings) * 0.9 + Math.min(2, frames) * 0.8;
    if (WELLBEING.test(s.text)) score += 1.8;
    if (SPECIFIC.test(s.text)) score += 0.8;
    const o = overlaps?.[i];
    if (o) {
      score += Math.min(3, o.shared) * 0.45 + Math.min(2, o.sharedConcepts) * 0.3;
    }
    // "I understand your frustration" and "sorry for any inconvenience" are stock lines, whatever else they say.
    if ((stockHits[i] ?? 0) > 0) score -= 1.4;
    if (ABOUT_US.test(s.text)) score -= 0.8;
    if (s.tokenEnd - s.tokenStart < 4) score -= 0.5;
    if (score > best) {
      best = score;
      bestSpan = sentenceSpan(t, i);
    }
  }
  const probability = squash(best, 2.2, 2);
  const value = probability >= 0.5 && bestSpan !== null;
  const result: LabelResult = {
    label: "empathy",
    value,
    confidence: confidenceFor(value, probability),
    spans: value && bestSpan ? [bestSpan] : [],
  };
  if (!value) result.suggestion = "Name how this affects the customer, in their specifics, not a stock line.";
  return result;
}
