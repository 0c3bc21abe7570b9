/**
 * @module Profanity masking in the agent's view: for agents who turned it on, customer messages come back with
 * profane words masked ("f***"), offsets unchanged, and the masked spans listed. The stored message is untouched.
 */

import { analyzeCustomer } from "@keel/coach";
import type { Message as MessageDto } from "@keel/contracts";

export interface MaskedText {
  text: string;
  spans: Array<{ start: number; end: number }>;
}

/** The text with profanity masked by the coach (same length, same offsets), and where. */
export function maskProfanityIn(text: string): MaskedText {
  const analysis = analyzeCustomer(text, { maskProfanity: true });
  const chars = text.split("");
  const spans: MaskedText["spans"] = [];
  for (const signal of analysis.signals) {
    if (signal.kind !== "profanity") continue;
    const { start, end, text: masked } = signal.span;
    // The coach masks letters in place; anything else means the offsets do not point into this text.
    if (end > chars.length || masked.length !== end - start) continue;
    for (let i = start; i < end; i++) chars[i] = masked[i - start] ?? chars[i] ?? "";
    spans.push({ start, end });
  }
  return { text: spans.length === 0 ? text : chars.join(""), spans };
}

type Json = unknown;

/** Re-quotes every `{start, end, text}` span in the analysis from the masked text. */
function maskSpansIn(value: Json, original: string, masked: string): Json {
  if (Array.isArray(value)) return value.map((v) => maskSpansIn(v, original, masked));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, Json>).map(([k, v]) => [
    k,
    maskSpansIn(v, original, masked),
  ]);
  const out = Object.fromEntries(entries) as Record<string, Json>;
  const { start, end, text } = out;
  if (
    typeof start === "number" &&
    typeof end === "number" &&
    typeof text === "string" &&
    original.slice(start, end) === text
  ) {
    out.text = masked.slice(start, end);
  }
  return out;
}

/** The message as this agent should see it: masked when they asked for it and it is a customer's message. */
export function maskedForViewer(viewer: { mask_profanity: boolean }, message: MessageDto): MessageDto {
  if (!viewer.mask_profanity || message.direction !== "inbound") return message;
  const masked = maskProfanityIn(message.body);
  if (masked.spans.length === 0) return { ...message, maskedSpans: [] };
  return {
    ...message,
    body: masked.text,
    maskedSpans: masked.spans,
    analysis:
      message.analysis === null
        ? null
        : (maskSpansIn(message.analysis, message.body, masked.text) as Record<string, unknown>),
  };
}
