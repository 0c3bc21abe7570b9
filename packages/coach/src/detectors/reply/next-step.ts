/** @module Reply detector for `next_step`: a concrete action we will take or the customer can take (see GUIDE.md). */
import {
  EMAIL,
  GENERIC_LINK,
  HAVE_YOU_TRIED,
  LINK,
  PHONE,
  VAGUE_DEFLECTION,
  WE_ACT,
  YOU_ACT,
  YOU_CAN,
} from "../../lexicons/reply-practices-actions.js";
import { OFFER_QUESTION } from "../../lexicons/reply-practices-conversation.js";
import { isWordChar, someDigitRun } from "../../text/chars.js";
import { capBlankRuns, confidenceFor, regexSpans, squash, uniqueSpans } from "../../text/match.js";
import { isNegated } from "../../text/negation.js";
import type { Tokenized } from "../../text/tokenize.js";
import type { LabelResult, Span } from "../../types.js";
import { type ReplyInput, sentencesForQuestions } from "./detector.js";

const LINK_MARK = /https?:\/\/|www\.|t\.co\//i;

/**
 * Whether PHONE can match: its numbers have a middle group of exactly three digits with a character after it, or it
 * is a "1-8xx" freephone number. Handles ("@135060") have neither, so most replies skip the scan.
 */
function mayHoldPhone(text: string): boolean {
  if (text.includes("18") || text.includes("1-8")) return true;
  return someDigitRun(text, (start, end) => end - start === 3 && end < text.length);
}

/** `[\w.+-]`: what an address has right before its "@". */
function isAddressChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 43 || c === 45;
}

/** Whether EMAIL can match: some "@" follows an address character (a handle's "@" follows a space). */
function mayHoldEmail(text: string): boolean {
  for (let i = text.indexOf("@", 1); i > 0; i = text.indexOf("@", i + 1))
    if (isAddressChar(text.charCodeAt(i - 1))) return true;
  return false;
}

/** A "we will…" cue under negation ("we can't refund") is not a step. */
function negatedAt(t: Tokenized, offset: number): boolean {
  const i = t.tokens.findIndex((tok) => tok.start >= offset);
  if (i < 0) return false;
  return isNegated(t.tokens, i + 1, 2) || isNegated(t.tokens, i + 2, 2);
}

export function detectNextStep(input: ReplyInput): LabelResult {
  const t = input.reply;
  const text = t.text;
  if (t.tokens.length === 0) return { label: "next_step", value: false, confidence: 0.95, spans: [] };
  // Plain loops into fresh arrays rather than filter/map chains: the chains met arrays of two element kinds (empty
  // and filled), which cost deoptimisations long after warm-up.
  const weAct: Span[] = [];
  for (const s of regexSpans(text, WE_ACT)) if (!negatedAt(t, s.start)) weAct.push(s);
  // Scanned on capped blank runs (same offsets): the pattern's `[.!?\n]\s*` is quadratic on a pasted blank page.
  const youAct: Span[] = [];
  for (const found of regexSpans(capBlankRuns(text), YOU_ACT)) {
    const s = found.text.includes("\u0001")
      ? { start: found.start, end: found.end, text: text.slice(found.start, found.end) }
      : found;
    if (!/^(?:\W*)let\s+us\s+know\W*$/i.test(s.text.trim())) youAct.push(s);
  }
  const tried = regexSpans(text, HAVE_YOU_TRIED);
  // Links, phone numbers and addresses cannot match without their marks: skip the scans on text without them.
  const links: Span[] = [];
  if (LINK_MARK.test(text)) {
    for (const s of regexSpans(text, LINK))
      if (!GENERIC_LINK.test(s.text.replace(/[.,)]+$/, ""))) links.push(s);
  }
  const contacts: Span[] = [];
  if (mayHoldPhone(text)) for (const s of regexSpans(text, PHONE)) contacts.push(s);
  if (mayHoldEmail(text)) for (const s of regexSpans(text, EMAIL)) contacts.push(s);
  const vague = regexSpans(text, VAGUE_DEFLECTION);
  const youCan: Span[] = [];
  for (const s of regexSpans(text, YOU_CAN))
    if (!/\b(?:see|find|understand|imagine|feel|rest)\b/i.test(s.text)) youCan.push(s);
  // An offer to act ("Shall I add it?", "Would you like me to switch you?") is a concrete step awaiting a yes.
  const offers: Span[] = [];
  for (const s of sentencesForQuestions(t)) {
    if (
      /\?/.test(s.text) &&
      /\b(?:me|us)\s+to\b|\b(?:shall|should)\s+(?:i|we)\b/i.test(s.text) &&
      OFFER_QUESTION.test(s.text)
    )
      offers.push({ start: s.start, end: s.end, text: s.text });
  }
  // A concrete time for something to happen ("the next train is at 08:12") tells the customer what comes next.
  let times = 0;
  for (const p of input.timelines) if (!p.customerDeadline) times++;

  let score = 0;
  score += Math.min(2, weAct.length) * 1.2;
  score += Math.min(2, youAct.length) * 1.1;
  score += tried.length > 0 ? 1.2 : 0;
  score += links.length > 0 ? 1.3 : 0;
  score += contacts.length > 0 ? 1.2 : 0;
  score += youCan.length > 0 ? 0.9 : 0;
  score += offers.length > 0 ? 1.2 : 0;
  score += times > 0 ? 0.5 : 0;
  // A vague pointer with nothing else concrete is a deflection.
  if (vague.length > 0 && links.length === 0 && contacts.length === 0) score -= 1;
  const probability = squash(score, 0.9);
  const value = probability >= 0.5;
  const spans: Span[] = value
    ? uniqueSpans([...weAct, ...youAct, ...youCan, ...offers, ...tried, ...links, ...contacts]).slice(0, 6)
    : [];
  const result: LabelResult = {
    label: "next_step",
    value,
    confidence: confidenceFor(value, probability),
    spans,
  };
  if (!value)
    result.suggestion = "Say exactly what happens next, who does it, and what the customer can do now.";
  return result;
}
