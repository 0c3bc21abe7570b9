/** @module Why a case should go to a supervisor: escalation signals read from the thread and its stored analyses. */
import type { ThreatKind } from "@keel/coach";
import {
  findPhrases,
  MANAGER_PHRASES,
  type PhraseSet,
  REQUEST_WORDS,
  SAFETY_PHRASES,
  VULNERABLE_PHRASES,
} from "./cues.js";
import { plural } from "./plain-words.js";
import { type MessageCues, type PreparedMessage, prepareThread } from "./prepare.js";
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
/** Earlier cases of the same customer that make a new one a repeat contact. */
export const REPEAT_CASES = 3;
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

type ReadingOf = { id: string; r: CustomerReading };

/** Which messages the signals cite and what they quote: kept only when the signals are to be explained. */
interface Evidence {
  safety: Array<{ id: string; phrases: string[] }>;
  vulnerable: Array<{ id: string; phrases: string[] }>;
  manager: string[];
  /** Customer readings holding a threat. */
  threats: ReadingOf[];
  abusive: string[];
  afterBoundary: string[];
  repeats: string[];
  replies: string[];
}

/**
 * What the signals (and the rules' facts) read of a thread, folded over its messages in time order: counts and the
 * latest readings, plus the evidence when asked for. A fold, so scanning a thread's first messages and then the rest
 * gives what scanning it at once does: the inbound check keeps one per case and folds only the new messages in.
 * Whether a signal shows and how severe it is depends only on the counts, never on the evidence.
 */
export interface ThreadScan {
  /** Messages folded in so far: the next one's position. */
  seen: number;
  /** The last (up to) three customer readings, oldest first. */
  recent: ReadingOf[];
  /** Position of the latest customer reading (-1: none). */
  lastReadingAt: number;
  replies: number;
  /** Position of the latest agent reply (-1: none). */
  lastReplyAt: number;
  /** Whether an agent reply set a boundary so far. */
  boundarySet: boolean;
  abusive: number;
  abusiveAfterBoundary: number;
  repeats: number;
  /** Threat kinds in the order they first appeared. */
  threatKinds: ThreatKind[];
  manager: number;
  safety: number;
  vulnerable: number;
  evidence: Evidence | null;
}

/** A scan of no messages; `explained` keeps the evidence the signals' explanations and message ids need. */
export function emptyScan(explained: boolean): ThreadScan {
  return {
    seen: 0,
    recent: [],
    lastReadingAt: -1,
    replies: 0,
    lastReplyAt: -1,
    boundarySet: false,
    abusive: 0,
    abusiveAfterBoundary: 0,
    repeats: 0,
    threatKinds: [],
    manager: 0,
    safety: 0,
    vulnerable: 0,
    evidence: explained
      ? {
          safety: [],
          vulnerable: [],
          manager: [],
          threats: [],
          abusive: [],
          afterBoundary: [],
          repeats: [],
          replies: [],
        }
      : null,
  };
}

/** A copy to fold more messages into, leaving the scan itself as it is. */
export function copyScan(scan: ThreadScan): ThreadScan {
  const e = scan.evidence;
  return {
    ...scan,
    recent: [...scan.recent],
    threatKinds: [...scan.threatKinds],
    evidence: e && {
      safety: [...e.safety],
      vulnerable: [...e.vulnerable],
      manager: [...e.manager],
      threats: [...e.threats],
      abusive: [...e.abusive],
      afterBoundary: [...e.afterBoundary],
      repeats: [...e.repeats],
      replies: [...e.replies],
    },
  };
}

/** Folds the messages (in time order, after those already folded) into the scan, which it returns. */
export function scanMessages(scan: ThreadScan, msgs: readonly PreparedMessage[]): ThreadScan {
  const e = scan.evidence;
  for (const m of msgs) {
    const at = scan.seen++;
    const { id, direction } = m.message;
    if (direction === "outbound") {
      scan.replies++;
      scan.lastReplyAt = at;
      e?.replies.push(id);
      if (m.reading.kind === "reply" && m.reading.reply.setsBoundary) scan.boundarySet = true;
      continue;
    }
    if (direction !== "inbound") continue;
    const cues = cuesOf(m);
    if (cues.safety.length > 0) {
      scan.safety++;
      e?.safety.push({ id, phrases: cues.safety });
    }
    if (cues.vulnerable.length > 0) {
      scan.vulnerable++;
      e?.vulnerable.push({ id, phrases: cues.vulnerable });
    }
    if (cues.manager) {
      scan.manager++;
      e?.manager.push(id);
    }
    if (m.reading.kind !== "customer") continue;
    const r = m.reading.customer;
    scan.lastReadingAt = at;
    scan.recent.push({ id, r });
    if (scan.recent.length > 3) scan.recent.shift();
    if (r.abusive) {
      if (scan.boundarySet) {
        scan.abusiveAfterBoundary++;
        e?.afterBoundary.push(id);
      } else {
        scan.abusive++;
        e?.abusive.push(id);
      }
    }
    if (r.repeatContact) {
      scan.repeats++;
      e?.repeats.push(id);
    }
    if (r.threats.length > 0) {
      for (const t of r.threats) if (!scan.threatKinds.includes(t.kind)) scan.threatKinds.push(t.kind);
      e?.threats.push({ id, r });
    }
  }
  return scan;
}

/** The thread's messages scanned at once, with the evidence (`explained`) or without. */
export function scanThread(msgs: readonly PreparedMessage[], explained = true): ThreadScan {
  return scanMessages(emptyScan(explained), msgs);
}

/**
 * The agent replies so far when the customer's latest word came after the last of them and is still not calm
 * (0 otherwise): how long the back-and-forth has gone on without resolving anything.
 */
export function unresolvedReplyCount(scan: ThreadScan): number {
  const last = scan.recent.at(-1);
  const unresolved = last !== undefined && last.r.level >= 1 && scan.lastReadingAt > scan.lastReplyAt;
  return unresolved ? scan.replies : 0;
}

/** The signal, explained from the evidence when the scan kept it; else its kind and severity alone. */
type Describe = (e: Evidence) => { explanation: string; messageIds: string[] };

/** Signals from a thread's scan, the case flags and the thresholds, most severe first. */
export function signalsOfScan(
  scan: ThreadScan,
  thread: ThreadInput,
  options: SignalOptions = {},
): EscalationSignal[] {
  const replyLimit = options.unresolvedReplyLimit ?? UNRESOLVED_REPLY_LIMIT;
  const lowCsat = options.lowCsat ?? LOW_CSAT;
  const e = scan.evidence;
  const out: EscalationSignal[] = [];
  const add = (kind: EscalationSignalKind, severity: 1 | 2 | 3, describe: Describe) => {
    out.push({ kind, severity, ...(e ? describe(e) : { explanation: "", messageIds: [] }) });
  };

  if (scan.safety > 0) {
    add("safety", 3, ({ safety }) => ({
      explanation: `The customer's words suggest a risk to safety ("${safety.flatMap((s) => s.phrases).join('", "')}").`,
      messageIds: safety.map((s) => s.id),
    }));
  }

  // Anger: the latest customer message furious; rising when each of the last (up to) three customer messages is
  // angrier than the one before, or the coach saw it rise.
  const recent = scan.recent;
  const last = recent.at(-1);
  if (last) {
    if (last.r.level >= 3) {
      add("anger_high", 3, () => ({
        explanation: `The customer's latest message reads as furious (anger ${Math.round(last.r.anger)}/100).`,
        messageIds: [last.id],
      }));
    }
    const climbing =
      recent.length >= 2 && recent.every((x, i) => i === 0 || x.r.anger > (recent[i - 1]?.r.anger ?? 0));
    if ((climbing || last.r.trend === "rising") && last.r.level >= 1) {
      add("anger_rising", last.r.level >= 2 ? 2 : 1, () => ({
        explanation: `Anger is rising over the last messages (${recent.map((x) => LEVEL_NAMES[x.r.level]).join(" → ")}).`,
        messageIds: recent.map((x) => x.id),
      }));
    }
  }

  const kinds = scan.threatKinds;
  if (threatens(kinds, "legal_threat")) {
    add("legal_threat", 3, ({ threats }) => ({
      explanation: `The customer threatens ${threatWords(threats, "legal_threat")} action; a supervisor should own the reply.`,
      messageIds: threatIds(threats, "legal_threat"),
    }));
  }
  if (threatens(kinds, "chargeback_threat")) {
    add("chargeback_threat", 2, ({ threats }) => ({
      explanation: "The customer threatens to dispute the charge with their bank.",
      messageIds: threatIds(threats, "chargeback_threat"),
    }));
  }
  if (threatens(kinds, "public_threat")) {
    add("public_threat", 1, ({ threats }) => ({
      explanation: `The customer mentions ${threatWords(threats, "public_threat")}.`,
      messageIds: threatIds(threats, "public_threat"),
    }));
  }

  if (scan.abusiveAfterBoundary > 0) {
    add("abuse_after_boundary", 3, ({ abusive, afterBoundary }) => ({
      explanation: `The abuse continued after an agent set a boundary (${plural(afterBoundary.length, "message")}).`,
      messageIds: [...abusive, ...afterBoundary],
    }));
  } else if (scan.abusive > 0) {
    add("abuse", 2, ({ abusive }) => ({
      explanation: `The customer has been abusive towards the team (${plural(abusive.length, "message")}).`,
      messageIds: abusive,
    }));
  }

  if (scan.manager > 0) {
    add("manager_requested", 2, ({ manager }) => ({
      explanation: "The customer asked to speak to a manager or supervisor.",
      messageIds: manager,
    }));
  }

  const previousCases = thread.customer.previousCases ?? 0;
  if (scan.repeats > 0 || previousCases >= REPEAT_CASES) {
    add("repeat_contact", scan.repeats >= 2 ? 2 : 1, ({ repeats }) => {
      const why = repeats.length > 0 ? "The customer says they have contacted us before about this" : "";
      const cases = previousCases >= REPEAT_CASES ? `${plural(previousCases, "earlier case")} on record` : "";
      return { explanation: `${[why, cases].filter(Boolean).join("; ")}.`, messageIds: repeats };
    });
  }

  // Unresolved: enough replies and the customer's latest word, after our last reply, is still unhappy.
  if (last && unresolvedReplyCount(scan) >= replyLimit) {
    add("unresolved_replies", scan.replies >= replyLimit + 2 ? 3 : 2, ({ replies }) => ({
      explanation: `${plural(replies.length, "agent reply")} so far and the customer is still ${LEVEL_NAMES[last.r.level]}.`,
      messageIds: [...replies, last.id],
    }));
  }

  if (scan.vulnerable > 0) {
    add("vulnerable_customer", 2, ({ vulnerable }) => ({
      explanation: `The customer mentions circumstances that call for extra care ("${vulnerable.flatMap((v) => v.phrases).join('", "')}").`,
      messageIds: vulnerable.map((v) => v.id),
    }));
  }

  const c = thread.case;
  if (c.slaBreached) {
    add("sla_breached", 2, () => ({
      explanation: "The case has missed an SLA target (first response or resolution).",
      messageIds: [],
    }));
  }
  if (c.vip) {
    add("vip", 1, () => ({ explanation: "The customer is marked as VIP.", messageIds: [] }));
  }
  if (typeof c.csat === "number" && Number.isFinite(c.csat) && c.csat <= lowCsat) {
    add("low_csat", 2, () => ({ explanation: `The customer rated us ${c.csat}/5.`, messageIds: [] }));
  }
  // Stable sort: equal severities keep the order above, which puts safety and anger first.
  return out.sort((a, b) => b.severity - a.severity);
}

type ThreatSignalKind = "legal_threat" | "chargeback_threat" | "public_threat";

/** The signal each kind of threat is reported under. */
export const THREAT_SIGNAL: Readonly<Record<ThreatKind, ThreatSignalKind>> = {
  legal: "legal_threat",
  regulator: "legal_threat",
  chargeback: "chargeback_threat",
  social_media: "public_threat",
  churn: "public_threat",
};

/** Whether any of the threat kinds is reported under the signal. */
const threatens = (kinds: readonly ThreatKind[], signal: ThreatSignalKind): boolean =>
  kinds.some((kind) => THREAT_SIGNAL[kind] === signal);

/** The messages holding a threat reported under the signal, once each. */
function threatIds(threats: readonly ReadingOf[], signal: ThreatSignalKind): string[] {
  const ids = new Set<string>();
  for (const { id, r } of threats)
    for (const t of r.threats) if (THREAT_SIGNAL[t.kind] === signal) ids.add(id);
  return [...ids];
}

/** The threats reported under the signal, in plain words, once each. */
function threatWords(threats: readonly ReadingOf[], signal: ThreatSignalKind): string {
  const words = new Set<string>();
  for (const { r } of threats) {
    for (const t of r.threats) {
      if (THREAT_SIGNAL[t.kind] !== signal) continue;
      words.add(t.kind === "social_media" ? "going public" : t.kind === "churn" ? "leaving" : t.kind);
    }
  }
  return [...words].join(", ");
}

/** Signals from the customer's words, the coach's stored readings and the case flags, most severe first. */
export function escalationSignalsOf(
  msgs: readonly PreparedMessage[],
  thread: ThreadInput,
  options: SignalOptions = {},
): EscalationSignal[] {
  return signalsOfScan(scanThread(msgs), thread, options);
}

export function escalationSignals(thread: ThreadInput, options: SignalOptions = {}): EscalationSignal[] {
  return escalationSignalsOf(prepareThread(thread), thread, options);
}
