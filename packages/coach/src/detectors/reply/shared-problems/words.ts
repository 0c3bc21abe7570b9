/** @module A word stream for phrase matching: contractions expanded, punctuation dropped, each word tied to its token. */
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";

export interface Word {
  /** Lower-case word, contractions expanded ("can't" gives "can" + "not"). */
  w: string;
  /** Index of the token this word came from (for exact spans). */
  tok: number;
  sentence: number;
  /** Whether a comma, dash, colon or semicolon comes right before this word. */
  afterBreak: boolean;
}

const WHOLE = new Map<string, readonly string[]>(
  Object.entries({
    "can't": ["can", "not"],
    cannot: ["can", "not"],
    cant: ["can", "not"],
    "won't": ["will", "not"],
    wont: ["will", "not"],
    dont: ["do", "not"],
    doesnt: ["does", "not"],
    didnt: ["did", "not"],
    isnt: ["is", "not"],
    arent: ["are", "not"],
    wasnt: ["was", "not"],
    wouldnt: ["would", "not"],
    couldnt: ["could", "not"],
    shouldnt: ["should", "not"],
    "shan't": ["shall", "not"],
    "ain't": ["is", "not"],
    im: ["i", "am"],
    ive: ["i", "have"],
    youre: ["you", "are"],
    "y'all": ["you"],
    u: ["you"],
    ur: ["your"],
    pls: ["please"],
    plz: ["please"],
    apologise: ["apologize"],
    apologised: ["apologized"],
    apologising: ["apologizing"],
    apologises: ["apologizes"],
  }),
);

// "'s" after these is "is"/"has"; elsewhere it is a possessive and kept as its own word.
const S_IS = new Set(["it", "that", "there", "here", "what", "he", "she", "who", "this", "where", "let"]);
const SUFFIX = new Map<string, string>(
  Object.entries({
    "'m": "am",
    "'re": "are",
    "'ll": "will",
    "'ve": "have",
    "'d": "would",
  }),
);

function expand(norm: string): readonly string[] {
  const whole = WHOLE.get(norm);
  if (whole) return whole;
  if (!norm.includes("'")) return [norm];
  if (norm.endsWith("n't")) return [norm.slice(0, -3), "not"];
  const q = norm.lastIndexOf("'");
  const base = norm.slice(0, q);
  const tail = norm.slice(q);
  const suf = SUFFIX.get(tail);
  if (suf) return [base, suf];
  if (tail === "'s") return base === "let" ? ["let", "us"] : S_IS.has(base) ? [base, "is"] : [base, "'s"];
  return [norm];
}

const BREAKS = new Set([",", ";", ":", "-", "–", "—", "(", ")"]);

function buildWords(t: Tokenized): Word[] {
  const out: Word[] = [];
  let pendingBreak = false;
  for (let i = 0; i < t.tokens.length; i++) {
    const tok = t.tokens[i];
    if (!tok) continue;
    if (tok.kind === "punct") {
      if (BREAKS.has(tok.norm)) pendingBreak = true;
      continue;
    }
    // "%" stays a word so "100%" can be matched as "100 %".
    if (tok.kind !== "word" && tok.kind !== "number" && tok.text !== "%") continue;
    // A word glued to "@" is a handle, not prose.
    const prev = t.tokens[i - 1];
    if (prev && prev.end === tok.start && (prev.text === "@" || prev.text === "#")) continue;
    // Fast path: most words need no expansion, so skip the array allocation.
    if (!tok.norm.includes("'") && !WHOLE.has(tok.norm)) {
      out.push({ w: tok.norm, tok: i, sentence: tok.sentence, afterBreak: pendingBreak });
      pendingBreak = false;
      continue;
    }
    const parts = expand(tok.norm);
    for (let k = 0; k < parts.length; k++) {
      const w = parts[k] ?? "";
      out.push({ w, tok: i, sentence: tok.sentence, afterBreak: k === 0 && pendingBreak });
    }
    pendingBreak = false;
  }
  return out;
}

/** Words of the text, cached per tokenized input so every detector shares one pass. */
export const wordsOf: (t: Tokenized) => Word[] = memoByIdentity(buildWords);
