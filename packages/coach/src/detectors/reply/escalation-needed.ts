/** @module Reply detector for `escalation_needed`: whether a supervisor should step in, judged from the whole case. */
import {
  ABUSE,
  BOUNDARY_WARNING,
  ESCALATION_CUES,
  type EscalationReason,
  WEAK_VULNERABILITY,
} from "../../lexicons/reply-practices-escalation.js";
import { confidenceFor, regexSpans, squash } from "../../text/match.js";
import type { LabelResult, Span, ThreadMessage } from "../../types.js";
import type { ReplyInput } from "./detector.js";

const THRESHOLD = 1.8;

const ADVICE: Record<EscalationReason, string> = {
  legal: "The customer mentions legal action: escalate to a supervisor before promising anything.",
  regulator: "The customer mentions a regulator or formal complaint: escalate to a supervisor.",
  safety: "This is a safety issue: escalate it now and tell the customer what to do to stay safe.",
  manager_request: "The customer asked for a manager: escalate and say who will contact them and when.",
  repeated_failure: "This has failed before: escalate it so it is fixed this time, and say who owns it.",
  abuse_after_warning: "The abuse continued after a warning: hand the case to a supervisor.",
  vulnerable: "The customer may be vulnerable: involve a supervisor and handle with extra care.",
  public_threat: "The customer is ready to leave or go public: involve a supervisor who can put this right.",
};

const CUES = [...ESCALATION_CUES, WEAK_VULNERABILITY];

interface Evidence {
  reason: EscalationReason;
  weight: number;
  span?: Span;
}

/** Thread messages with text, skipping malformed entries a caller might pass at runtime. */
function threadOf(input: ReplyInput): ThreadMessage[] {
  if (!Array.isArray(input.thread)) return [];
  return input.thread.filter((m): m is ThreadMessage => typeof m?.text === "string");
}

function fromCustomerText(input: ReplyInput): Evidence[] {
  const out: Evidence[] = [];
  const texts: string[] = [];
  if (input.customer) texts.push(input.customer.text);
  for (const m of threadOf(input)) if (m.role === "customer") texts.push(m.text.slice(0, 20_000));
  for (const cue of CUES) {
    let hits = 0;
    let first: Span | undefined;
    for (let i = 0; i < texts.length; i++) {
      const spans = regexSpans(texts[i] ?? "", cue.re, 4);
      hits += spans.length;
      // Spans point into the customer message only; thread hits add weight without a span.
      if (i === 0 && input.customer && !first) first = spans[0];
    }
    if (hits === 0) continue;
    const e: Evidence = { reason: cue.reason, weight: cue.weight * Math.min(1.6, 1 + 0.3 * (hits - 1)) };
    if (first) e.span = first;
    out.push(e);
  }
  return out;
}

function fromAnalysis(input: ReplyInput): Evidence[] {
  const a = input.customerAnalysis;
  if (!a) return [];
  const out: Evidence[] = [];
  for (const threat of a.threats) {
    if (threat.kind === "legal" || threat.kind === "regulator") {
      out.push({ reason: threat.kind, weight: 2.2 * Math.max(0.5, threat.confidence) });
    }
  }
  if (a.repeat_contact) out.push({ reason: "repeated_failure", weight: 1 });
  // Fury alone is not a reason, but it tips a borderline case.
  if (a.anger_level >= 3) out.push({ reason: "repeated_failure", weight: 0.6 });
  return out;
}

const QUOTE_MARK = /\[earlier agent\]/i;

/** Earlier agent turns quoted inside the customer text as "[earlier agent] …" lines (chat exports do this). */
function quotedAgentTurns(text: string): string[] {
  const out: string[] = [];
  // Almost no message quotes one: a plain test spares matchAll's copy of its regex.
  if (!QUOTE_MARK.test(text)) return out;
  for (const m of text.matchAll(/^\[earlier agent\]([^\n]*)/gim)) out.push(m[1] ?? "");
  return out;
}

function abusiveNow(input: ReplyInput): boolean {
  return (
    (input.customerAnalysis?.abusive ?? false) || regexSpans(input.customer?.text ?? "", ABUSE, 1).length > 0
  );
}

function fromThread(input: ReplyInput): Evidence[] {
  const out: Evidence[] = [];
  // Agent turns' texts: the thread's, then those quoted in the customer text. Counted in one pass over the thread.
  const agentTexts: string[] = [];
  let customerTurns = 0;
  for (const m of threadOf(input)) {
    if (m.role === "agent") agentTexts.push(m.text);
    else if (m.role === "customer") customerTurns++;
  }
  for (const text of quotedAgentTurns(input.customer?.text ?? "")) agentTexts.push(text);
  // Two or more earlier rounds and the customer is still writing: the first answers did not work.
  if (agentTexts.length >= 2 && customerTurns >= 2) out.push({ reason: "repeated_failure", weight: 1 });
  let warned = false;
  for (const text of agentTexts) if (!warned) warned = BOUNDARY_WARNING.test(text.slice(0, 5_000));
  // The abuse scan only matters once the customer was warned, which almost never happened.
  if (warned && abusiveNow(input)) out.push({ reason: "abuse_after_warning", weight: 2.4 });
  return out;
}

export function detectEscalationNeeded(input: ReplyInput): LabelResult {
  const evidence = [...fromCustomerText(input), ...fromAnalysis(input), ...fromThread(input)];
  const byReason = new Map<EscalationReason, number>();
  for (const e of evidence) byReason.set(e.reason, Math.max(byReason.get(e.reason) ?? 0, e.weight));
  let score = 0;
  for (const w of byReason.values()) score += w;
  const probability = squash(score, THRESHOLD, 1.8);
  const value = probability >= 0.5;
  const top = [...byReason.entries()].sort((a, b) => b[1] - a[1])[0];
  const result: LabelResult = {
    label: "escalation_needed",
    value,
    confidence: confidenceFor(value, probability),
    // Evidence sits in the customer's words, so no span of the reply is marked.
    spans: [],
  };
  if (value && top) result.suggestion = ADVICE[top[0]];
  return result;
}
