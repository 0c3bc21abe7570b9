/** @module Why a case should go to a supervisor: escalation signals read from the thread and its stored analyses. */
import {
  findPhrases,
  MANAGER_PHRASES,
  type PhraseSet,
  REQUEST_WORDS,
  SAFETY_PHRASES,
  VULNERABLE_PHRASES,
} from "./cues.js";
import { plural } from "./plain-words.js";
import { customerReadingOf, type MessageCues, type PreparedMessage, prepareThread } from "./prepare.js";
import type { CustomerReading, ThreadInput } from "./thread.js";

export type EscalationSignalKind =
  | "anger_high"
  | "anger_rising"
  | "legal_threat"
  | "chargeback_threat"
  | "public_threat"
  | "abuse"
  | "abuse_after_boundary"
  | "repeat_contact"
  | "manager_requested"
  | "unresolved_replies"
  | "safety"
  | "vulnerable_customer"
  | "sla_breached"
  | "vip"
  | "low_csat";

export interface EscalationSignal {
  kind: EscalationSignalKind;
  /** 1 worth knowing, 2 escalate soon, 3 escalate now. */
  severity: 1 | 2 | 3;
  explanation: string;
  messageIds: string[];
}

/** Agent replies after which a still-unhappy customer should get someone new (unless the rules say otherwise). */
export const UNRESOLVED_REPLY_LIMIT = 3;
/** CSAT (1–5) at or below this counts as low (unless the rules say otherwise). */
export const LOW_CSAT = 2;

/** Thresholds the stored escalation rules set, so a signal shows whenever a rule could ask for it. */
export interface SignalOptions {
  unresolvedReplyLimit?: number;
  lowCsat?: number;
}

const LEVEL_NAMES = ["calm", "annoyed", "angry", "furious"] as const;

const uniquePhrases = (m: PreparedMessage, set: PhraseSet) => [
  ...new Set(findPhrases(m.tokens.tokens, set).map((h) => h.phrase)),
];

/** The message's phrase cues, worked out from its words once and kept with it (the thread is re-read often). */
export function cuesOf(m: PreparedMessage): MessageCues {
  m.cues ??= {
    safety: uniquePhrases(m, SAFETY_PHRASES),
    vulnerable: uniquePhrases(m, VULNERABLE_PHRASES),
    manager: asksForManager(m),
  };
  return m.cues;
}

/** Inbound messages whose text holds one of the phrases, with the phrases found. */
function phraseMessages(msgs: readonly PreparedMessage[], cue: "safety" | "vulnerable") {
  const found: Array<{ id: string; phrases: string[] }> = [];
  for (const m of msgs) {
    if (m.message.direction !== "inbound") continue;
    const phrases = cuesOf(m)[cue];
    if (phrases.length > 0) found.push({ id: m.message.id, phrases });
  }
  return found;
}

function asksForManager(m: PreparedMessage): boolean {
  const { tokens, sentences } = m.tokens;
  for (const hit of findPhrases(tokens, MANAGER_PHRASES)) {
    if (hit.phrase.startsWith("escalate")) return true;
    const s = sentences[hit.sentence];
    if (!s) continue;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (REQUEST_WORDS.has(tokens[i]?.norm ?? "")) return true;
  }
  return false;
}

function angerSignals(readings: ReadonlyArray<{ id: string; r: CustomerReading }>): EscalationSignal[] {
  const last = readings.at(-1);
  if (!last) return [];
  const out: EscalationSignal[] = [];
  if (last.r.level >= 3) {
    out.push({
      kind: "anger_high",
      severity: 3,
      explanation: `The customer's latest message reads as furious (anger ${Math.round(last.r.anger)}/100).`,
      messageIds: [last.id],
    });
  }
  // Rising: each of the last (up to) three customer messages angrier than the one before, or the coach saw it rise.
  const recent = readings.slice(-3);
  const climbing =
    recent.length >= 2 && recent.every((x, i) => i === 0 || x.r.anger > (recent[i - 1]?.r.anger ?? 0));
  if ((climbing || last.r.trend === "rising") && last.r.level >= 1) {
    const path = recent.map((x) => LEVEL_NAMES[x.r.level]).join(" → ");
    out.push({
      kind: "anger_rising",
      severity: last.r.level >= 2 ? 2 : 1,
      explanation: `Anger is rising over the last messages (${path}).`,
      messageIds: recent.map((x) => x.id),
    });
  }
  return out;
}

function threatSignals(readings: ReadonlyArray<{ id: string; r: CustomerReading }>): EscalationSignal[] {
  const groups = {
    legal_threat: { ids: new Set<string>(), words: new Set<string>() },
    chargeback_threat: { ids: new Set<string>(), words: new Set<string>() },
    public_threat: { ids: new Set<string>(), words: new Set<string>() },
  };
  for (const { id, r } of readings) {
    for (const t of r.threats) {
      const group =
        t.kind === "legal" || t.kind === "regulator"
          ? groups.legal_threat
          : t.kind === "chargeback"
            ? groups.chargeback_threat
            : groups.public_threat;
      group.ids.add(id);
      group.words.add(t.kind === "social_media" ? "going public" : t.kind === "churn" ? "leaving" : t.kind);
    }
  }
  const out: EscalationSignal[] = [];
  const says = (words: Set<string>) => [...words].join(", ");
  if (groups.legal_threat.ids.size > 0) {
    out.push({
      kind: "legal_threat",
      severity: 3,
      explanation: `The customer threatens ${says(groups.legal_threat.words)} action; a supervisor should own the reply.`,
      messageIds: [...groups.legal_threat.ids],
    });
  }
  if (groups.chargeback_threat.ids.size > 0) {
    out.push({
      kind: "chargeback_threat",
      severity: 2,
      explanation: "The customer threatens to dispute the charge with their bank.",
      messageIds: [...groups.chargeback_threat.ids],
    });
  }
  if (groups.public_threat.ids.size > 0) {
    out.push({
      kind: "public_threat",
      severity: 1,
      explanation: `The customer mentions ${says(groups.public_threat.words)}.`,
      messageIds: [...groups.public_threat.ids],
    });
  }
  return out;
}

function abuseSignals(msgs: readonly PreparedMessage[]): EscalationSignal[] {
  const abusive: string[] = [];
  const afterBoundary: string[] = [];
  let boundarySet = false;
  for (const m of msgs) {
    if (m.message.direction === "outbound" && m.reading.kind === "reply" && m.reading.reply.setsBoundary) {
      boundarySet = true;
    }
    if (customerReadingOf(m)?.abusive) (boundarySet ? afterBoundary : abusive).push(m.message.id);
  }
  if (afterBoundary.length > 0) {
    return [
      {
        kind: "abuse_after_boundary",
        severity: 3,
        explanation: `The abuse continued after an agent set a boundary (${plural(afterBoundary.length, "message")}).`,
        messageIds: [...abusive, ...afterBoundary],
      },
    ];
  }
  if (abusive.length === 0) return [];
  return [
    {
      kind: "abuse",
      severity: 2,
      explanation: `The customer has been abusive towards the team (${plural(abusive.length, "message")}).`,
      messageIds: abusive,
    },
  ];
}

function customerReadings(msgs: readonly PreparedMessage[]): Array<{ id: string; r: CustomerReading }> {
  const readings: Array<{ id: string; r: CustomerReading }> = [];
  for (const m of msgs) {
    const r = customerReadingOf(m);
    if (r) readings.push({ id: m.message.id, r });
  }
  return readings;
}

/**
 * The agent replies so far when the customer's latest word came after the last of them and is still not calm
 * (0 otherwise): how long the back-and-forth has gone on without resolving anything.
 */
export function unresolvedReplies(msgs: readonly PreparedMessage[]): {
  replies: PreparedMessage[];
  lastInbound: { id: string; r: CustomerReading } | undefined;
  count: number;
} {
  const replies = msgs.filter((m) => m.message.direction === "outbound");
  const lastInbound = customerReadings(msgs).at(-1);
  const lastReplyIndex = replies.at(-1)?.index ?? -1;
  const lastInboundIndex = msgs.find((m) => m.message.id === lastInbound?.id)?.index ?? -1;
  const unresolved =
    lastInbound !== undefined && lastInbound.r.level >= 1 && lastInboundIndex > lastReplyIndex;
  return { replies, lastInbound, count: unresolved ? replies.length : 0 };
}

/** Signals from the customer's words, the coach's stored readings and the case flags, most severe first. */
export function escalationSignalsOf(
  msgs: readonly PreparedMessage[],
  thread: ThreadInput,
  options: SignalOptions = {},
): EscalationSignal[] {
  const replyLimit = options.unresolvedReplyLimit ?? UNRESOLVED_REPLY_LIMIT;
  const lowCsat = options.lowCsat ?? LOW_CSAT;
  const readings = customerReadings(msgs);
  const out: EscalationSignal[] = [];

  const safety = phraseMessages(msgs, "safety");
  if (safety.length > 0) {
    out.push({
      kind: "safety",
      severity: 3,
      explanation: `The customer's words suggest a risk to safety ("${safety.flatMap((s) => s.phrases).join('", "')}").`,
      messageIds: safety.map((s) => s.id),
    });
  }
  out.push(...angerSignals(readings), ...threatSignals(readings), ...abuseSignals(msgs));

  const manager = msgs.filter((m) => m.message.direction === "inbound" && cuesOf(m).manager);
  if (manager.length > 0) {
    out.push({
      kind: "manager_requested",
      severity: 2,
      explanation: "The customer asked to speak to a manager or supervisor.",
      messageIds: manager.map((m) => m.message.id),
    });
  }

  const repeats = readings.filter((x) => x.r.repeatContact).map((x) => x.id);
  const previousCases = thread.customer.previousCases ?? 0;
  if (repeats.length > 0 || previousCases >= 3) {
    const why = repeats.length > 0 ? "The customer says they have contacted us before about this" : "";
    const cases = previousCases >= 3 ? `${plural(previousCases, "earlier case")} on record` : "";
    out.push({
      kind: "repeat_contact",
      severity: repeats.length >= 2 ? 2 : 1,
      explanation: `${[why, cases].filter(Boolean).join("; ")}.`,
      messageIds: repeats,
    });
  }

  // Unresolved: enough replies and the customer's latest word, after our last reply, is still unhappy.
  const { replies, lastInbound, count } = unresolvedReplies(msgs);
  if (count >= replyLimit && lastInbound) {
    out.push({
      kind: "unresolved_replies",
      severity: replies.length >= replyLimit + 2 ? 3 : 2,
      explanation: `${plural(replies.length, "agent reply")} so far and the customer is still ${LEVEL_NAMES[lastInbound.r.level]}.`,
      messageIds: [...replies.map((m) => m.message.id), lastInbound.id],
    });
  }

  const vulnerable = phraseMessages(msgs, "vulnerable");
  if (vulnerable.length > 0) {
    out.push({
      kind: "vulnerable_customer",
      severity: 2,
      explanation: `The customer mentions circumstances that call for extra care ("${vulnerable.flatMap((v) => v.phrases).join('", "')}").`,
      messageIds: vulnerable.map((v) => v.id),
    });
  }

  const c = thread.case;
  if (c.slaBreached) {
    out.push({
      kind: "sla_breached",
      severity: 2,
      explanation: "The case has missed an SLA target (first response or resolution).",
      messageIds: [],
    });
  }
  if (c.vip) {
    out.push({ kind: "vip", severity: 1, explanation: "The customer is marked as VIP.", messageIds: [] });
  }
  if (typeof c.csat === "number" && Number.isFinite(c.csat) && c.csat <= lowCsat) {
    out.push({
      kind: "low_csat",
      severity: 2,
      explanation: `The customer rated us ${c.csat}/5.`,
      messageIds: [],
    });
  }
  // Stable sort: equal severities keep the order above, which puts safety and anger first.
  return out.sort((a, b) => b.severity - a.severity);
}

export function escalationSignals(thread: ThreadInput, options: SignalOptions = {}): EscalationSignal[] {
  return escalationSignalsOf(prepareThread(thread), thread, options);
}
