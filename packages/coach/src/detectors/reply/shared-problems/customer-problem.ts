/** @module Finds the customer's problem in their own words and turns it to second person, for concrete rewrites. */
import type { Tokenized } from "../../../text/tokenize.js";
import { type Word, wordsOf } from "./words.js";

const PROBLEM_WORDS = new Set([
  "damaged",
  "broken",
  "broke",
  "late",
  "delayed",
  "wrong",
  "missing",
  "lost",
  "never",
  "cancelled",
  "canceled",
  "charged",
  "overcharged",
  "error",
  "stuck",
  "not",
  "still",
  "refused",
  "declined",
  "locked",
  "hacked",
  "faulty",
  "defective",
  "dead",
  "down",
  "slow",
  "empty",
  "twice",
]);
const PROBLEM_PREFIXES = ["crash", "fail", "freez", "disconnect", "outage", "delay", "leak", "stopp"];

const REFLECT: Record<string, string> = {
  my: "your",
  our: "your",
  i: "you",
  me: "you",
  we: "you",
  us: "you",
  am: "are",
  mine: "yours",
  myself: "yourself",
};
// Words that start a clause we can lift ("my order…", "the app…").
const CLAUSE_OPENERS = new Set(["my", "our", "the", "this", "i", "we"]);
const STOP_AT = new Set([
  "and",
  "but",
  "so",
  "because",
  "which",
  "please",
  "can",
  "could",
  "why",
  "how",
  "what",
]);

function isProblem(w: string): boolean {
  return PROBLEM_WORDS.has(w) || PROBLEM_PREFIXES.some((p) => w.startsWith(p));
}

function render(t: Tokenized, words: readonly Word[], from: number, to: number): string {
  const out: string[] = [];
  let subjectI = false;
  for (let i = from; i <= to; i++) {
    const word = words[i];
    if (!word) continue;
    const tok = t.tokens[word.tok];
    const single = tok && words[i - 1]?.tok !== word.tok && words[i + 1]?.tok !== word.tok;
    let w = REFLECT[word.w] ?? (single && tok && !/^[A-Z]+$/.test(tok.text) ? tok.text : word.w);
    // "I was" becomes "you were", not "you was".
    if (word.w === "was" && subjectI) w = "were";
    subjectI = word.w === "i" || word.w === "we";
    out.push(w);
  }
  return out.join(" ").replace(/ 's\b/g, "'s");
}

/**
 * The customer's problem as a short second-person clause ("your order arrived damaged"), or null when no clause
 * is clear enough to quote back. Earlier agent turns in the customer text are skipped.
 */
export function customerProblem(customer: Tokenized | null): string | null {
  if (!customer) return null;
  const words = wordsOf(customer);
  let agentSentence = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (word.w === "agent" && words[i - 1]?.w === "earlier") agentSentence = word.sentence;
    if (word.sentence === agentSentence || !isProblem(word.w)) continue;
    let start = -1;
    for (let j = i - 1; j >= Math.max(0, i - 7); j--) {
      const prev = words[j];
      if (!prev || prev.sentence !== word.sentence || STOP_AT.has(prev.w)) break;
      if (CLAUSE_OPENERS.has(prev.w)) start = j;
      if (prev.afterBreak) break;
    }
    if (start < 0) continue;
    let end = i;
    for (let j = i + 1; j <= i + 3; j++) {
      const next = words[j];
      if (!next || next.sentence !== word.sentence || next.afterBreak || STOP_AT.has(next.w)) break;
      end = j;
    }
    const text = render(customer, words, start, end);
    if (text.split(" ").length >= 2) return text;
  }
  return null;
}

/** A plain owning apology, concrete when the customer's problem is known. */
export function plainApology(customer: Tokenized | null): string {
  const problem = customerProblem(customer);
  return problem ? `I'm sorry ${problem}.` : "I'm sorry for the trouble this has caused you.";
}
