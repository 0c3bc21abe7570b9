/** @module Whether the customer's message insults us: insults, or profanity aimed at "you"/the company. */
import {
  PERSON_TARGETS,
  PROFANITY_PREFIXES,
  STRONG_INSULTS,
  TARGET_WORDS,
  WEAK_INSULTS,
} from "../../../lexicons/reply-problems-boundary.js";
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";
import { wordsOf } from "./words.js";

const TARGET_WINDOW = 4;

// First letters of the profanity prefixes: most words start with none of them and need no prefix test at all.
const PROFANE_FIRST = new Set(PROFANITY_PREFIXES.map((p) => p.charCodeAt(0)));
const EMPTY_PREFIX = PROFANITY_PREFIXES.includes("");

function isProfane(w: string): boolean {
  if (!EMPTY_PREFIX && !PROFANE_FIRST.has(w.charCodeAt(0))) return false;
  // A loop, not `some`: a closure per word of every customer message adds up.
  for (const p of PROFANITY_PREFIXES) if (w.startsWith(p)) return true;
  return false;
}

/**
 * True when a strong insult appears, a harsh word is aimed at a person ("are you thick"), or profanity sits within a
 * few words of a target ("screw your airline").
 */
export function customerIsAbusive(customer: Tokenized | null): boolean {
  return customer ? abusiveText(customer) : false;
}

const abusiveText = memoByIdentity((customer: Tokenized): boolean => {
  const words = wordsOf(customer);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (STRONG_INSULTS.has(word.w)) return true;
    const targets = WEAK_INSULTS.has(word.w) ? PERSON_TARGETS : isProfane(word.w) ? TARGET_WORDS : null;
    if (!targets) continue;
    for (let j = Math.max(0, i - TARGET_WINDOW); j <= Math.min(words.length - 1, i + TARGET_WINDOW); j++) {
      const near = words[j];
      if (j !== i && near && near.sentence === word.sentence && targets.has(near.w)) return true;
    }
  }
  return false;
});
