/**
 * @module How hostile a stored customer message is, read from the coach's analysis kept with it, and the load
 * points it puts on the agent who handles it.
 */
import type { JsonValue, Message } from "@keel/db";

export interface Hostility {
  anger: number;
  /** 0 calm, 1 annoyed, 2 angry, 3 furious. */
  level: number;
  abusive: boolean;
  threats: string[];
}

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);

/** The customer reading stored on an inbound message; null for replies, notes and unanalysed messages. */
export function hostilityOf(message: Pick<Message, "direction" | "analysis">): Hostility | null {
  if (message.direction !== "inbound" || !isObject(message.analysis ?? undefined)) return null;
  const analysis = message.analysis as JsonObject;
  if (analysis.kind !== "customer" || !isObject(analysis.result)) return null;
  const result = analysis.result;
  if (typeof result.anger !== "number") return null;
  const threats = Array.isArray(result.threats)
    ? result.threats.flatMap((t) => (isObject(t) && typeof t.kind === "string" ? [t.kind] : []))
    : [];
  return {
    anger: result.anger,
    level: typeof result.anger_level === "number" ? result.anger_level : 0,
    abusive: result.abusive === true,
    threats: [...new Set(threats)],
  };
}

/** A message that should not go to an agent in cooldown: angry or worse, abusive, or threatening. */
export const isHostile = (h: Hostility | null): boolean =>
  h !== null && (h.level >= 2 || h.abusive || h.threats.length > 0);

/** Points per abusive message: abuse aimed at the agent weighs more than anger at the situation. */
export const ABUSE_POINTS = 15;
export const THREAT_POINTS = 5;
const MAX_THREATS_COUNTED = 2;

/**
 * The load a message puts on the agent handling it: anger/10 once the customer is at least annoyed, plus
 * abuse, plus each kind of threat (two at most). Zero for calm messages, which add nothing.
 */
export function loadPointsOf(h: Hostility | null): { points: number; reason: string } {
  if (h === null) return { points: 0, reason: "" };
  const parts: string[] = [];
  let points = 0;
  if (h.level >= 1) {
    points += h.anger / 10;
    parts.push(`anger ${Math.round(h.anger)}`);
  }
  if (h.abusive) {
    points += ABUSE_POINTS;
    parts.push("abusive");
  }
  const threats = h.threats.slice(0, MAX_THREATS_COUNTED);
  if (threats.length > 0) {
    points += THREAT_POINTS * threats.length;
    parts.push(`threat: ${threats.join(", ")}`);
  }
  return { points: Math.round(points * 10) / 10, reason: parts.join(" · ") };
}

/** The highest hostility over a case's customer messages (max level, any abuse, every threat kind). */
export function caseHostility(messages: ReadonlyArray<Pick<Message, "direction" | "analysis">>): {
  maxLevel: number;
  maxAnger: number;
  abusive: boolean;
  threats: string[];
} {
  let maxLevel = 0;
  let maxAnger = 0;
  let abusive = false;
  const threats = new Set<string>();
  for (const m of messages) {
    const h = hostilityOf(m);
    if (!h) continue;
    maxLevel = Math.max(maxLevel, h.level);
    maxAnger = Math.max(maxAnger, h.anger);
    abusive ||= h.abusive;
    for (const t of h.threats) threats.add(t);
  }
  return { maxLevel, maxAnger, abusive, threats: [...threats] };
}
