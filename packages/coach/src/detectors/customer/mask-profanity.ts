/** @module Masks profanity ("f***") in the text that returned spans quote, keeping every offset unchanged. */
import type { Span } from "../../types.js";

/** The text with letters after the first of each profane span replaced by "*": same length, same offsets. */
export function maskedText(text: string, profane: readonly Span[]): string {
  if (profane.length === 0) return text;
  const chars = text.split("");
  for (const s of profane) {
    let first = true;
    for (let i = s.start; i < s.end && i < chars.length; i++) {
      const c = chars[i] ?? "";
      if (!/\p{L}/u.test(c)) continue;
      if (first) first = false;
      else chars[i] = "*";
    }
  }
  return chars.join("");
}

export function maskSpan(span: Span, masked: string): Span {
  return { start: span.start, end: span.end, text: masked.slice(span.start, span.end) };
}
