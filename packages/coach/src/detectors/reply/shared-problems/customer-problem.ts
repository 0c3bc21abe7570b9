/** @module Finds the customer's problem in their own words and turns it to second person, for concrete rewrites. */
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";
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
  "waiting",
  "ignored",
  "cut",
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
    // "The app…" opens the sentence in the customer's text but sits mid-sentence in ours.
    if (i === from && (word.w === "the" || word.w === "this")) w = word.w;
    subjectI = word.w === "i" || word.w === "we";
    out.push(w);
  }
  return out.join(" ").replace(/ 's\b/g, "'s");
}

// Trailing words that leave a clause hanging ("…declined at Tesco just", "…it is").
const DANGLING = new Set([
  "just",
  "at",
  "to",
  "the",
  "a",
  "an",
  "and",
  "but",
  "or",
  "of",
  "for",
  "in",
  "on",
  "with",
  "is",
  "are",
  "was",
  "were",
  "it",
  "that",
  "this",
  "so",
  "very",
  "really",
  "by",
  "from",
  "my",
  "your",
  "have",
  "has",
  "had",
  "be",
  "been",
  "not",
  "do",
  "did",
  "again",
  "yet",
  "when",
  "if",
  "as",
  "into",
  "about",
  "you",
]);
// "I was charged twice", "I've been waiting": first-person openers that describe something done to the customer.
const SUBORDINATORS = new Set(["when", "while", "after", "since", "before", "until", "whenever", "every"]);
const FIRST_PERSON_EVENT = new Set(["was", "have", "had", "got", "been", "am", "still", "never"]);

interface Clause {
  start: number;
  end: number;
  rank: number;
}

function clauseAt(words: readonly Word[], i: number): Clause | null {
  const word = words[i];
  if (!word) return null;
  let best: Clause | null = null;
  for (let j = i - 1; j >= Math.max(0, i - 7); j--) {
    const prev = words[j];
    if (!prev || prev.sentence !== word.sentence || STOP_AT.has(prev.w)) break;
    if (CLAUSE_OPENERS.has(prev.w)) {
      const next = words[j + 1]?.w ?? "";
      // "my order…" beats "the app…", which beats "I was…"; "I think…" is an opinion, not the problem.
      const rank = prev.w === "my" || prev.w === "our" ? 0 : prev.w === "i" || prev.w === "we" ? 2 : 1;
      if (rank === 2 && !FIRST_PERSON_EVENT.has(next)) continue;
      best = { start: j, end: i, rank };
    }
    if (prev.afterBreak) break;
  }
  if (!best) return null;
  let end = i;
  for (let j = i + 1; j <= i + 3; j++) {
    const next = words[j];
    if (!next || next.sentence !== word.sentence || next.afterBreak || STOP_AT.has(next.w)) break;
    if (SUBORDINATORS.has(next.w)) break;
    end = j;
  }
  while (end > i && DANGLING.has(words[end]?.w ?? "")) end--;
  return { ...best, end };
}

/**
 * The customer's problem as a short second-person clause ("your order arrived damaged"), or null when no clause
 * is clear enough to quote back. Earlier agent turns in the customer text are skipped.
 */
export function customerProblem(customer: Tokenized | null): string | null {
  return customer ? problemOf(customer) : null;
}

const problemOf = memoByIdentity((customer: Tokenized): string | null => {
  const words = wordsOf(customer);
  let agentSentence = -1;
  let best: Clause | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) continue;
    if (word.w === "agent" && words[i - 1]?.w === "earlier") agentSentence = word.sentence;
    if (word.sentence === agentSentence || !isProblem(word.w)) continue;
    const clause = clauseAt(words, i);
    if (clause && clause.end - clause.start >= 2 && (!best || clause.rank < best.rank)) best = clause;
    if (best?.rank === 0) break;
  }
  return best ? render(customer, words, best.start, best.end) : null;
});

/** A plain owning apology, concrete when the customer's problem is known. */
export function plainApology(customer: Tokenized | null): string {
  const problem = customerProblem(customer);
  return problem ? `I'm sorry ${problem}.` : "I'm sorry for the trouble this has caused you.";
}
