/** @module Extractive reading of a thread: what the customer asks for and what agents already did. */
import type { Tokenized } from "@keel/coach";

export interface Extract {
  text: string;
  messageId: string;
}

interface Clause {
  text: string;
  start: number;
  end: number;
}

/** Longest clause quoted back; longer ones are cut at a word boundary. */
export const MAX_CLAUSE_CHARS = 160;

/** Clauses of each sentence: a sentence split further at ; and dashes, where people join two ideas. */
export function clausesOf(tokens: Tokenized): Clause[] {
  const out: Clause[] = [];
  const add = (sentenceStart: number, part: string, at: number) => {
    const text = part.trim();
    if (text.length === 0) return;
    const start = sentenceStart + at + (part.length - part.trimStart().length);
    out.push({ text, start, end: start + text.length });
  };
  for (const s of tokens.sentences) {
    const joins = /\s*;\s*|\s+[—–-]\s+/g;
    let from = 0;
    for (let m = joins.exec(s.text); m !== null; m = joins.exec(s.text)) {
      add(s.start, s.text.slice(from, m.index), from);
      from = m.index + m[0].length;
    }
    add(s.start, s.text.slice(from), from);
  }
  return out;
}

export function shorten(text: string, max = MAX_CLAUSE_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

// Each pattern is anchored or bounded and has no nested quantifiers, so matching stays linear in the clause.
const WANT_RE =
  /\b(?:i|we)(?: really| just| now| only)? (?:want|need|expect|demand|require|would like|am asking for)\b|\b(?:i|we)(?:'d like|'m asking for)\b|^(?:please|kindly)\b|\bplease (?:send|refund|call|give|cancel|fix|replace|check|tell|let|arrange|sort|confirm|explain|stop|contact|get|ring|email|escalate)\b|\b(?:can|could|would|will) (?:you|someone|somebody) (?:please )?(?:send|refund|call|give|cancel|fix|replace|check|tell|let|arrange|sort|confirm|explain|stop|contact|get|ring|email|look|help|escalate|put)\b|^(?:just )?(?:send|refund|give|fix|cancel|call|replace) me\b|\bi(?:'m| am) still waiting for\b/i;

// "I've / we have …ed", "I checked", "we offered": past actions by the team.
const TRIED_RE =
  /\b(?:i|we)(?:'ve| have)(?: already| now| just| also)? (?:[a-z]+ed|sent|spoken|spoke|made|given|set|put|taken|done|found|sought|paid|issued|booked|raised|logged|escalated|refunded|credited)\b|\b(?:i|we) (?:already )?(?:checked|sent|refunded|credited|offered|issued|booked|raised|asked|arranged|reset|replaced|escalated|contacted|called|emailed|spoke|tried|looked|logged|cancelled|canceled|reviewed|passed)\b|\b(?:i|we) (?:can|could) offer\b/i;

function push(out: Extract[], seen: Set<string>, clause: string, messageId: string): void {
  const text = shorten(clause);
  const key = text.toLowerCase();
  if (seen.has(key)) return;
  seen.add(key);
  out.push({ text, messageId });
}

export interface ThreadExtracts {
  wants: Extract[];
  tried: Extract[];
}

export interface ExtractSource {
  id: string;
  direction: "inbound" | "outbound" | "note";
  tokens: Tokenized;
}

/** Wants from the customer's messages; what was tried from agent replies (notes are internal and skipped). */
export function extractFromThread(messages: readonly ExtractSource[]): ThreadExtracts {
  const result: ThreadExtracts = { wants: [], tried: [] };
  const seen = { wants: new Set<string>(), tried: new Set<string>() };
  for (const m of messages) {
    for (const c of clausesOf(m.tokens)) {
      const clause = c.text.replace(/’/g, "'");
      if (m.direction === "inbound") {
        if (WANT_RE.test(clause)) push(result.wants, seen.wants, clause, m.id);
      } else if (m.direction === "outbound") {
        if (TRIED_RE.test(clause)) push(result.tried, seen.tried, clause, m.id);
      }
    }
  }
  return result;
}
