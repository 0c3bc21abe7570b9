/** @module The supervisor handoff brief: who, what happened, what they want, what we tried and promised, and why now. */
import type { AngerLevelName, AngerTrend, ThreatKind } from "@keel/coach";
import { type Extract, extractFromThread, shorten } from "./extract.js";
import { plural } from "./plain-words.js";
import { customerReadingOf, type PreparedMessage, prepareThread } from "./prepare.js";
import { isPromiseOverdue, promiseLine, promisesInThread, type ThreadPromise } from "./promises.js";
import { type EscalationSignal, escalationSignalsOf, type SignalOptions } from "./signals.js";
import type { ThreadInput } from "./thread.js";

export { renderBriefMarkdown } from "./render-brief.js";

export interface TimelineEntry {
  at: string;
  who: string;
  what: string;
  messageId: string;
}

export interface HandoffBrief {
  caseRef: { id: string; number: number | string; subject: string; priority: string; status: string };
  customer: { name: string; contacts: string[]; previousCases?: number };
  summary: string;
  timeline: TimelineEntry[];
  wants: string[];
  tried: string[];
  promised: string[];
  anger: { current: number | null; level: AngerLevelName | null; trend: AngerTrend | null };
  threats: Array<{ kind: ThreatKind; text: string; messageId: string }>;
  signals: EscalationSignal[];
  recommendedNextStep: string;
  /** Every message the brief draws on, in thread order. */
  citations: string[];
  /** When the brief was made, when the caller said. */
  generatedAt?: string;
}

const LEVEL_NAMES: readonly AngerLevelName[] = ["calm", "annoyed", "angry", "furious"];
/** Most wants, actions and promises a supervisor needs; the latest ones are kept. */
const MAX_ITEMS = 6;
const TIMELINE_CHARS = 140;
/** A line that only greets ("Hi Sam,", "Dear customer,"): skipped in the timeline. */
const GREETING_RE = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?]{0,40}[,.!]?$/i;
/** A timeline line shorter than this takes in the next sentence too ("Seriously?!" alone says little). */
const TIMELINE_MIN_CHARS = 50;

/** The line a message gets in the timeline: its opening sentences after any greeting, cut to one line. */
function condense(m: PreparedMessage): string {
  const sentences = m.tokens.sentences.map((s) => s.text.trim()).filter(Boolean);
  const from = Math.max(
    0,
    sentences.findIndex((s) => !GREETING_RE.test(s)),
  );
  let line = "";
  for (let i = from; i < sentences.length && line.length < TIMELINE_MIN_CHARS; i++) {
    line = line ? `${line} ${sentences[i]}` : (sentences[i] ?? "");
  }
  const prefix = m.message.direction === "note" ? "(internal note) " : "";
  return prefix + shorten(line, TIMELINE_CHARS);
}

function whoOf(m: PreparedMessage): string {
  const role =
    m.message.direction === "inbound" ? "customer" : m.message.direction === "outbound" ? "agent" : "note";
  return `${m.message.authorName} (${role})`;
}

/** Least-squares slope of the last few scores, in points per message; within ±5 is steady. */
function trendOf(scores: readonly number[]): AngerTrend | null {
  const recent = scores.slice(-4);
  const n = recent.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = recent.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  recent.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  return slope > 5 ? "rising" : slope < -5 ? "falling" : "steady";
}

const STEPS: ReadonlyArray<[EscalationSignal["kind"], string]> = [
  [
    "safety",
    "Call the customer now to check they are safe and follow the safety procedure before anything else.",
  ],
  [
    "abuse_after_boundary",
    "A supervisor takes over: restate the boundary once, answer the substance in writing, and close the conversation if the abuse goes on.",
  ],
  [
    "legal_threat",
    "A supervisor replies in writing today: acknowledge the complaint, say what will be reviewed and by when, and bring in the complaints lead; don't argue liability.",
  ],
  [
    "vulnerable_customer",
    "Handle with extra care: a named person offers a call at a time that suits the customer and checks what support they need.",
  ],
  [
    "chargeback_threat",
    "Decide on the refund today and tell the customer the outcome before they go to their bank.",
  ],
  [
    "manager_requested",
    "A supervisor contacts the customer directly, introduces themselves as the new owner, and confirms what will happen and when.",
  ],
  [
    "anger_high",
    "A supervisor replies personally: acknowledge what went wrong, give one owner and a firm date.",
  ],
  [
    "unresolved_replies",
    "Stop the back-and-forth: one person owns the case and calls or writes with a concrete resolution.",
  ],
  ["abuse", "Answer the substance calmly and set a clear boundary on the language."],
];

function recommend(
  signals: readonly EscalationSignal[],
  wants: readonly string[],
  promised: readonly string[],
  overdue: readonly string[],
): string {
  const kinds = new Set(signals.map((s) => s.kind));
  const step =
    STEPS.find(([kind]) => kinds.has(kind))?.[1] ??
    (signals.length > 0
      ? "Reply with one owner, a clear next step and a date."
      : "No escalation needed: the assigned agent answers as usual.");
  const extras: string[] = [];
  const want = wants.at(-1);
  if (want && signals.length > 0) extras.push(`Their latest request: “${want.replace(/[.!?]+$/, "")}”.`);
  const late = overdue.at(-1);
  const promise = promised.at(-1);
  if (late) extras.push(`This promise is overdue: “${late.replace(/[.!?]+$/, "")}”.`);
  else if (promise && signals.length > 0) {
    extras.push(`Check this promise was kept: “${promise.replace(/[.!?]+$/, "")}”.`);
  }
  return [step, ...extras].join(" ");
}

function quoteList(items: readonly string[]): string {
  return items.map((t) => `“${shorten(t, 90).replace(/[.!?]+$/, "")}”`).join("; ");
}

function summarize(
  thread: ThreadInput,
  msgs: readonly PreparedMessage[],
  anger: HandoffBrief["anger"],
  parts: { wants: string[]; tried: string[]; promised: string[]; signals: EscalationSignal[] },
): string {
  const c = thread.case;
  const count = (d: string) => msgs.filter((m) => m.message.direction === d).length;
  const sentences = [
    `${thread.customer.name} wrote about “${c.subject}” (case #${c.number}, ${c.priority} priority, ${c.status}).`,
    `The thread has ${plural(count("inbound"), "customer message")} and ${plural(count("outbound"), "agent reply")}; ${
      anger.level === null
        ? "the customer's mood has not been read"
        : `the customer is now ${anger.level} (anger ${Math.round(anger.current ?? 0)}/100${anger.trend ? `, ${anger.trend}` : ""})`
    }.`,
    parts.wants.length > 0
      ? `${parts.wants.length > 1 ? "Their latest requests" : "Their request"}: ${quoteList(parts.wants.slice(-2))}.`
      : "No explicit request was found in their messages.",
  ];
  if (parts.tried.length + parts.promised.length > 0) {
    sentences.push(
      `Agents have recorded ${plural(parts.tried.length, "action")} and ${plural(parts.promised.length, "promise")} so far.`,
    );
  }
  const top = parts.signals[0];
  if (top) {
    const reason = top.explanation.replace(/[.!?]+$/, "");
    sentences.push(`Escalation is advised: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`);
  }
  return sentences.join(" ");
}

const latest = (items: readonly Extract[]) => items.slice(-MAX_ITEMS);

export interface BriefOptions {
  /** ISO instant the brief is made at: promises past due by then are marked overdue. */
  now?: string;
  /** Thresholds from the escalation rules in force. */
  signals?: SignalOptions;
  /** The case's promise ledger, when it has one; otherwise promises are read from the agents' replies. */
  promises?: readonly ThreadPromise[];
}

export function handoffBrief(thread: ThreadInput, options: BriefOptions = {}): HandoffBrief {
  return handoffBriefOf(prepareThread(thread), thread, options);
}

/** The brief from a thread already prepared (each message tokenized once for signals and brief alike). */
export function handoffBriefOf(
  msgs: readonly PreparedMessage[],
  thread: ThreadInput,
  options: BriefOptions = {},
): HandoffBrief {
  const signals = escalationSignalsOf(msgs, thread, options.signals);
  const extracts = extractFromThread(
    msgs.map((m) => ({
      id: m.message.id,
      direction: m.message.direction,
      tokens: m.tokens,
    })),
  );
  const wants = latest(extracts.wants);
  const tried = latest(extracts.tried);
  const promised = (options.promises ?? promisesInThread(msgs)).slice(-MAX_ITEMS);

  const inbound = msgs.flatMap((m) => {
    const r = customerReadingOf(m);
    return r ? [{ id: m.message.id, r }] : [];
  });
  const last = inbound.at(-1)?.r;
  const anger: HandoffBrief["anger"] = {
    current: last ? Math.round(last.anger) : null,
    level: last ? (LEVEL_NAMES[last.level] ?? null) : null,
    trend: trendOf(inbound.map((x) => x.r.anger)) ?? last?.trend ?? null,
  };
  // The same threat repeated in later messages is listed once, where it first appeared.
  const threatKeys = new Set<string>();
  const threats = inbound.flatMap(({ id, r }) =>
    r.threats.flatMap((t) => {
      const key = `${t.kind}:${t.text.toLowerCase()}`;
      if (threatKeys.has(key)) return [];
      threatKeys.add(key);
      return [{ kind: t.kind, text: t.text, messageId: id }];
    }),
  );

  const cited = new Set<string>([
    ...signals.flatMap((s) => s.messageIds),
    ...threats.map((t) => t.messageId),
    ...[...wants, ...tried, ...promised].map((e) => e.messageId),
  ]);
  const texts = {
    wants: wants.map((e) => e.text),
    tried: tried.map((e) => e.text),
    promised: promised.map((e) => promiseLine(e, options.now)),
  };
  const overdue = promised.filter((e) => isPromiseOverdue(e, options.now)).map((e) => e.text);
  const c = thread.case;
  const brief: HandoffBrief = {
    caseRef: { id: c.id, number: c.number, subject: c.subject, priority: c.priority, status: c.status },
    customer: {
      name: thread.customer.name,
      contacts: [...thread.customer.contacts],
      ...(thread.customer.previousCases === undefined
        ? {}
        : { previousCases: thread.customer.previousCases }),
    },
    summary: summarize(thread, msgs, anger, { ...texts, signals }),
    timeline: msgs.map((m) => ({
      at: m.message.createdAt,
      who: whoOf(m),
      what: condense(m),
      messageId: m.message.id,
    })),
    ...texts,
    anger,
    threats,
    signals,
    recommendedNextStep: recommend(
      signals,
      texts.wants,
      promised.filter((e) => (e.status ?? "open") === "open").map((e) => e.text),
      overdue,
    ),
    citations: msgs.map((m) => m.message.id).filter((id) => cited.has(id)),
  };
  if (options.now !== undefined) brief.generatedAt = options.now;
  return brief;
}
