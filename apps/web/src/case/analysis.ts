/** @module Reads the coach's stored analysis off a message (customer reading or reply coaching), defensively. */
import type { CustomerAnalysis, Fact, ReplyCoaching, ThreadMessage } from "@keel/coach";
import type { Message } from "@keel/contracts";

export function customerReading(message: Message): CustomerAnalysis | null {
  const a = message.analysis as { kind?: unknown; result?: unknown } | null;
  if (message.direction !== "inbound" || a?.kind !== "customer" || typeof a.result !== "object" || !a.result)
    return null;
  const result = a.result as Partial<CustomerAnalysis>;
  return typeof result.anger === "number" ? (result as CustomerAnalysis) : null;
}

export function replyCoaching(message: Message): ReplyCoaching | null {
  const a = message.analysis as { kind?: unknown; result?: unknown } | null;
  if (message.direction !== "outbound" || a?.kind !== "reply" || typeof a.result !== "object" || !a.result)
    return null;
  const result = a.result as Partial<ReplyCoaching>;
  return typeof result.score === "number" ? (result as ReplyCoaching) : null;
}

/** The conversation as the coach reads it: customer and agent messages, oldest first, notes left out. */
export function threadOf(messages: readonly Message[]): ThreadMessage[] {
  return messages
    .filter((m) => m.direction !== "note")
    .map((m) => ({ role: m.direction === "inbound" ? "customer" : "agent", text: m.body }));
}

/** Facts from every customer message, each value once, first mention first. */
export function factsOf(messages: readonly Message[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const m of messages) {
    for (const fact of customerReading(m)?.facts ?? []) {
      const key = `${fact.kind}:${fact.normalized ?? fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(fact);
    }
  }
  return out;
}

export interface Highlight {
  start: number;
  end: number;
  kind: "threat" | "abuse" | "profanity";
  title: string;
}

/**
 * Threat, abuse and profanity spans of a customer message as marks that never overlap (threats win, then abuse;
 * profanity inside either is masked but not marked again).
 */
export function highlightsOf(reading: CustomerAnalysis): Highlight[] {
  const all: Highlight[] = [
    ...reading.threats.flatMap((t) =>
      t.spans.map((s) => ({
        start: s.start,
        end: s.end,
        kind: "threat" as const,
        title: `Threat: ${t.kind.replace("_", " ")}`,
      })),
    ),
    ...reading.abuse_spans.map((s) => ({
      start: s.start,
      end: s.end,
      kind: "abuse" as const,
      title: "Abuse aimed at the team",
    })),
    ...profanityOf(reading).map((s) => ({ ...s, kind: "profanity" as const, title: "Profanity" })),
  ];
  const kept: Highlight[] = [];
  for (const h of all) {
    if (h.end > h.start && !kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function profanityOf(reading: CustomerAnalysis): Array<{ start: number; end: number }> {
  return reading.signals
    .filter((s) => s.kind === "profanity")
    .map((s) => ({ start: s.span.start, end: s.span.end }));
}

/** The text with every span's letters starred (same length, so offsets still hold). */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + mask(out.slice(s.start, s.end)) + out.slice(s.end);
  return out;
}

/** "f**k": the first letter kept so the word is recognisable, the rest starred. */
export function mask(word: string): string {
  return word.replace(/(?<=\p{L})\p{L}/gu, "*");
}
