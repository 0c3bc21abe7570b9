/** @module The thread an escalation reads, and safe narrowing of each message's stored (jsonb) coach analysis. */
import { type AngerLevel, type AngerTrend, THREAT_KINDS, type ThreatKind } from "@keel/coach";

export interface ThreadMessageInput {
  id: string;
  direction: "inbound" | "outbound" | "note";
  authorName: string;
  body: string;
  /** ISO timestamp. */
  createdAt: string;
  /** As stored: `{ kind, coach_version, result }`, a bare coach result, or nothing. */
  analysis: unknown;
}

export interface ThreadInput {
  case: {
    id: string;
    number: number | string;
    subject: string;
    priority: string;
    status: string;
    createdAt: string;
    slaBreached?: boolean;
    vip?: boolean;
    /** Satisfaction score on a 1–5 scale, when the customer gave one. */
    csat?: number;
  };
  customer: { name: string; contacts: string[]; previousCases?: number };
  messages: ThreadMessageInput[];
}

/** The parts of a customer analysis the escalation reads, each checked before use. */
export interface CustomerReading {
  anger: number;
  level: AngerLevel;
  trend: AngerTrend | null;
  abusive: boolean;
  repeatContact: boolean;
  threats: Array<{ kind: ThreatKind; text: string }>;
}

/** The parts of a reply coaching the escalation reads. */
export interface ReplyReading {
  setsBoundary: boolean;
}

export type Reading =
  | { kind: "customer"; customer: CustomerReading }
  | { kind: "reply"; reply: ReplyReading }
  | { kind: "none" };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function labelValue(labels: Obj, name: string): boolean {
  const label = labels[name];
  return isObj(label) && label.value === true;
}

const TREND_VALUES: readonly string[] = ["rising", "falling", "steady"];

function readCustomer(r: Obj): CustomerReading | null {
  if (typeof r.anger !== "number" || !Number.isFinite(r.anger)) return null;
  const rawLevel = r.anger_level;
  const level: AngerLevel =
    rawLevel === 0 || rawLevel === 1 || rawLevel === 2 || rawLevel === 3 ? rawLevel : 0;
  const trend =
    typeof r.anger_trend === "string" && TREND_VALUES.includes(r.anger_trend)
      ? (r.anger_trend as AngerTrend)
      : null;
  const threats: CustomerReading["threats"] = [];
  for (const t of Array.isArray(r.threats) ? r.threats : []) {
    if (!isObj(t) || !(THREAT_KINDS as readonly unknown[]).includes(t.kind)) continue;
    const span = Array.isArray(t.spans) ? t.spans[0] : undefined;
    const text = isObj(span) && typeof span.text === "string" ? span.text : "";
    threats.push({ kind: t.kind as ThreatKind, text });
  }
  return {
    anger: Math.max(0, Math.min(100, r.anger)),
    level,
    trend,
    abusive: r.abusive === true,
    repeatContact: r.repeat_contact === true,
    threats,
  };
}

function readReply(r: Obj): ReplyReading | null {
  if (!isObj(r.labels)) return null;
  return {
    setsBoundary: labelValue(r.labels, "sets_boundary"),
  };
}

/** Reads a stored analysis whatever its shape; anything unexpected reads as "none" rather than throwing. */
export function readAnalysis(analysis: unknown): Reading {
  if (!isObj(analysis)) return { kind: "none" };
  const wrapped = isObj(analysis.result) ? analysis.result : analysis;
  if (analysis.kind !== "reply") {
    const customer = readCustomer(wrapped);
    if (customer) return { kind: "customer", customer };
  }
  const reply = readReply(wrapped);
  return reply ? { kind: "reply", reply } : { kind: "none" };
}
