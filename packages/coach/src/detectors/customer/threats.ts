/** @module Threats (legal, churn, social media, regulator, chargeback), with a first-person future frame where needed. */
import {
  FIRST_PERSON,
  FUTURE_FRAME,
  THREAT_TERMS,
  type ThreatTerm,
} from "../../lexicons/customer-threats.js";
import { spanOf } from "../../text/tokenize.js";
import type { Span, Threat, ThreatKind } from "../../types.js";
import { type CustomerToken, stem } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";
import { negatorBefore } from "./emotion-words.js";
import { compileSharedPhrases, matchAllPhrases, mayMatch } from "./phrase-matcher.js";

const TERMS = compileSharedPhrases(THREAT_TERMS.map((t): [string, ThreatTerm] => [t.phrase, t]));
const FRAME_WINDOW = 8;
/** "cancel my order" or "leave a review" is not leaving us. */
const NOT_CHURN_OBJECTS = new Set(
  [
    "order",
    "booking",
    "flight",
    "reservation",
    "ticket",
    "delivery",
    "item",
    "request",
    "payment",
    "review",
    "feedback",
    "message",
    "voicemail",
    "note",
    "comment",
    "tip",
    "house",
    "home",
    "work",
    "package",
    "parcel",
    "appointment",
    "it",
  ].map(stem),
);
const CHURN_VERBS = new Set(["cancel", "leave", "switch"].map(stem));

/** A first-person word and a future/conditional word shortly before the match, in the same sentence. */
function hasFrame(words: readonly CustomerToken[], from: number): boolean {
  const sentence = words[from]?.sentence;
  let person = false;
  let future = false;
  for (let k = from - 1; k >= 0 && k >= from - FRAME_WINDOW; k--) {
    const w = words[k] as CustomerToken;
    if (w.sentence !== sentence) break;
    if (FIRST_PERSON.has(w.norm)) person = true;
    if (FUTURE_FRAME.has(w.norm) || w.norm.endsWith("'ll") || w.norm.endsWith("'d")) future = true;
  }
  // "If you don't fix this, I'm switching": the frame may also be an earlier conditional clause.
  const next = words[from + 1];
  if (next && next.sentence === sentence && FIRST_PERSON.has(next.norm)) person = true;
  return person && future;
}

function churnObjectExcluded(words: readonly CustomerToken[], m: { from: number; to: number }): boolean {
  const head = words[m.from] as CustomerToken;
  if (!CHURN_VERBS.has(head.stem)) return false;
  for (let k = m.to + 1; k <= m.to + 3 && k < words.length; k++) {
    const w = words[k] as CustomerToken;
    if (w.sentence !== head.sentence) break;
    if (NOT_CHURN_OBJECTS.has(w.stem)) return true;
  }
  return false;
}

/** What a message without a threat gets: shared, so read and never written. */
const NO_THREATS: readonly Threat[] = [];

export function detectThreats(input: CustomerInput): readonly Threat[] {
  const { words } = input.text;
  const text = input.text.t.text;
  if (!mayMatch(input.text, TERMS)) return NO_THREATS;
  let byKind: Map<ThreatKind, { confidence: number; spans: Span[] }> | null = null;
  for (const m of matchAllPhrases(words, TERMS)) {
    const term = m.value;
    const first = words[m.from] as CustomerToken;
    const last = words[m.to] as CustomerToken;
    if (first.quoted) continue;
    const negated = negatorBefore(words, m.from) >= 0 && !/^(?:never|won't|no)\b/.test(term.phrase);
    if (negated) continue;
    if (term.kind === "churn" && churnObjectExcluded(words, m)) continue;
    const framed = hasFrame(words, m.from);
    if (term.needsFrame && !framed) continue;
    const confidence = Math.min(1, term.weight * (framed ? 1.1 : 1));
    byKind ??= new Map();
    const entry = byKind.get(term.kind) ?? { confidence: 0, spans: [] };
    entry.confidence = Math.max(entry.confidence, confidence);
    entry.spans.push(spanOf(text, first.start, last.end));
    byKind.set(term.kind, entry);
  }
  if (byKind === null) return NO_THREATS;
  return [...byKind.entries()]
    .map(([kind, e]) => ({ kind, confidence: Math.round(e.confidence * 100) / 100, spans: e.spans }))
    .sort((a, b) => b.confidence - a.confidence);
}
