/** @module The coach's reading stored with each message: customer analysis for inbound, coaching for outbound. */
import {
  analyzeCustomer,
  COACH_VERSION,
  type CustomerAnalysis,
  coachReply,
  type ReplyCoaching,
} from "@keel/coach";
import type { EarlierInbound, JsonValue, Message } from "@keel/db";
import { toJson } from "../../service-result.js";

export type StoredAnalysis =
  | { kind: "customer"; coach_version: string; result: CustomerAnalysis }
  | { kind: "reply"; coach_version: string; result: ReplyCoaching };

/** Reads a customer message against the earlier inbound messages of its case (oldest first). */
export function analyseInbound(
  body: string,
  earlierInbound: readonly EarlierInbound[],
  now: Date,
): JsonValue {
  // The value is its JSON text parsed (analysis.test.ts holds it to that): no need to write and read it again.
  return analyseInboundTwice(body, earlierInbound, now).value;
}

/**
 * The reading as stored (JSON text) and as read back (the value, equal to the text parsed), for a caller that needs
 * both: the stored message answered without reading its reading back from the database.
 */
export function analyseInboundTwice(
  body: string,
  earlierInbound: readonly EarlierInbound[],
  now: Date,
): { json: string; value: JsonValue } {
  const result = analyzeCustomer(body, {
    previousMessages: earlierInbound.map((m) => m.body),
    // Their stored readings: the trend need not read those messages again.
    previousAnger: earlierInbound.map((m) => m.anger),
    referenceDate: now.toISOString().slice(0, 10),
    maskProfanity: false,
  });
  const value = { kind: "customer", coach_version: COACH_VERSION, result } satisfies StoredAnalysis;
  // The coach's results are plain data (numbers, strings, booleans, arrays, objects; a test holds it to that).
  return { json: JSON.stringify(value), value: value as unknown as JsonValue };
}

/** Coaches a reply against the latest customer message and the thread before it. */
export function analyseOutbound(body: string, thread: readonly Message[], now: Date): JsonValue {
  const conversation = thread
    .filter((m) => m.direction !== "note")
    .map((m) => ({
      role: m.direction === "inbound" ? ("customer" as const) : ("agent" as const),
      text: m.body,
    }));
  const lastCustomer = [...thread].reverse().find((m) => m.direction === "inbound")?.body ?? null;
  const result = coachReply(body, lastCustomer, conversation, {
    referenceDate: now.toISOString().slice(0, 10),
  });
  return toJson({ kind: "reply", coach_version: COACH_VERSION, result } satisfies StoredAnalysis);
}

/** The anger score stored on an inbound message, when it has one. */
export function angerOf(message: Message): { anger: number; label: string } | null {
  const analysis = message.analysis;
  if (analysis === null || typeof analysis !== "object" || Array.isArray(analysis)) return null;
  if (analysis.kind !== "customer") return null;
  const result = analysis.result;
  if (result === null || typeof result !== "object" || Array.isArray(result)) return null;
  const anger = result.anger;
  const label = result.anger_label;
  return typeof anger === "number" ? { anger, label: typeof label === "string" ? label : "" } : null;
}

export type Trend = "rising" | "falling" | "steady";

/** Least-squares slope over the points, in anger points per message; ±5 counts as steady. */
export function angerTrend(scores: readonly number[]): Trend | null {
  if (scores.length < 2) return null;
  const n = scores.length;
  const meanX = (n - 1) / 2;
  const meanY = scores.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  scores.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  return slope > 5 ? "rising" : slope < -5 ? "falling" : "steady";
}
