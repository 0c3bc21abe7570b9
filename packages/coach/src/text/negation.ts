/** @module Negation scope: whether a token is governed by "not", "never", "no" or a contracted "n't" before it. */
import type { Token } from "./tokenize.js";

const NEGATORS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "neither",
  "nor",
  "without",
  "cannot",
  "hardly",
  "nothing",
  "none",
  "nobody",
]);

// A clause boundary ends a negation's reach ("I can't promise, but we will…").
const SCOPE_BREAK: ReadonlySet<string> = new Set([
  ",",
  ";",
  ":",
  ".",
  "!",
  "?",
  "but",
  "however",
  "although",
  "though",
]);

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/** True when one of the `window` tokens before `index` (same sentence, same clause) is a negator. */
export function isNegated(tokens: readonly Token[], index: number, window = 3): boolean {
  const target = tokens[index];
  if (!target) return false;
  for (let i = index - 1, seen = 0; i >= 0 && seen < window; i--) {
    const t = tokens[i];
    if (!t || t.sentence !== target.sentence || SCOPE_BREAK.has(t.norm)) return false;
    if (isNegator(t.norm)) return true;
    if (t.kind === "word") seen++;
  }
  return false;
}
