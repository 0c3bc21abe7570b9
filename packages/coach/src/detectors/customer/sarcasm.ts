/** @module Sarcasm: "great, just great", "thanks for nothing", "/s", praise inside a complaint, "service" in scare quotes. */
import { SARCASM_PHRASES, SARCASM_POSITIVES } from "../../lexicons/customer-expressive.js";
import { spanOf } from "../../text/tokenize.js";
import { type CustomerToken, stem, wordFlag } from "./customer-text.js";
import { type CustomerInput, type EmotionHit, NO_HITS } from "./detector.js";
import { compileSharedPhrases, matchPhrases, mayMatch, type PhraseMatch } from "./phrase-matcher.js";

const PHRASES = compileSharedPhrases(Object.entries(SARCASM_PHRASES));
const POSITIVES = new Set([...SARCASM_POSITIVES].map(stem));
const POSITIVE = wordFlag((_, stem) => POSITIVES.has(stem));
/** The other words and marks sarcasm is read from: "NOT", "/s" and "service" in scare quotes. */
const CUE = wordFlag(
  (s) =>
    s.text === "NOT" || s.text === "/" || s.norm === "service" || s.norm === "help" || s.norm === "support",
);
const NO_MATCHES: readonly PhraseMatch<number>[] = [];
const LEAD_INS = new Set(["oh", "wow", "just", "gee", "yay", "awesome"]);
const SARCASTIC = { annoyance: 0.6, anger: 0.3, frustration: 0.2 };

function hit(text: string, from: CustomerToken, to: CustomerToken, weight: number): EmotionHit {
  return {
    kind: "sarcasm",
    span: spanOf(text, from.start, to.end),
    sentence: from.sentence,
    emotions: SARCASTIC,
    weight,
  };
}

/**
 * `complaint` holds the sentences with negative evidence and whether the message as a whole complains:
 * praise is read as sarcasm only where there is something to be sarcastic about.
 */
export function detectSarcasm(
  input: CustomerInput,
  complaint: { sentences: ReadonlySet<number>; message: boolean },
): readonly EmotionHit[] {
  const { words, tokens } = input.text;
  const text = input.text.t.text;
  const flags = input.text.flags;
  const phrases = mayMatch(input.text, PHRASES);
  if ((flags & (POSITIVE | CUE)) === 0 && !phrases) return NO_HITS;
  const hits: EmotionHit[] = [];
  let covered: Set<number> | null = null;
  for (const m of phrases ? matchPhrases(words, PHRASES) : NO_MATCHES) {
    const from = words[m.from] as CustomerToken;
    const to = words[m.to] as CustomerToken;
    const strong = m.value >= 0.8;
    if (!strong && !complaint.sentences.has(from.sentence) && !complaint.message) continue;
    covered ??= new Set<number>();
    for (let k = m.from; k <= m.to; k++) covered.add(k);
    hits.push(hit(text, from, to, 0.6 * m.value));
  }
  for (let i = 0; (flags & POSITIVE) !== 0 && i < words.length; i++) {
    const w = words[i] as CustomerToken;
    if ((w.flags & POSITIVE) === 0 || covered?.has(i) || w.quoted) continue;
    const prev = words[i - 1];
    const leadIn = prev !== undefined && prev.sentence === w.sentence && LEAD_INS.has(prev.norm);
    const sameSentence = complaint.sentences.has(w.sentence);
    // "Great, now the app crashed": praise opening a complaining sentence, set off by a comma.
    const opener = prev?.sentence !== w.sentence && tokens[w.index + 1]?.text === "," && sameSentence;
    if (opener || (leadIn && (sameSentence || complaint.message)) || (sameSentence && complaint.message)) {
      hits.push(hit(text, leadIn && prev ? prev : w, w, leadIn ? 0.4 : 0.25));
    }
  }
  // "Great job. NOT!": a shouted "not" standing alone takes the praise back.
  const cues = (input.text.flags & CUE) !== 0;
  for (let i = 0; cues && i < words.length; i++) {
    const w = words[i] as CustomerToken;
    // "NOT" carries the CUE flag: checking it first spares most words a string comparison.
    if ((w.flags & CUE) === 0 || w.text !== "NOT") continue;
    const after = tokens[w.index + 1];
    const alone = words[i - 1]?.sentence !== w.sentence && words[i + 1]?.sentence !== w.sentence;
    const last = words[i + 1]?.sentence !== w.sentence;
    const praisedBefore = words.slice(Math.max(0, i - 8), i).some((p) => POSITIVES.has(p.stem));
    if (w.text === "NOT" && alone && after?.text === "!") hits.push(hit(text, w, after, 0.5));
    else if (w.text === "NOT" && last && praisedBefore && (after === undefined || after.kind === "punct")) {
      hits.push(hit(text, w, w, 0.5));
    }
  }
  // "/s" at the end of a sentence, and praise in scare quotes ('such "help"').
  for (let i = 0; (flags & (POSITIVE | CUE)) !== 0 && i + 1 < tokens.length; i++) {
    const a = tokens[i] as CustomerToken;
    const b = tokens[i + 1] as CustomerToken;
    if (((a.flags | b.flags) & (POSITIVE | CUE)) === 0) continue;
    if (a.text === "/" && b.norm === "s" && a.end === b.start && !a.ignored) {
      const after = text[b.end];
      if (after === undefined || /[\s.!?)]/.test(after)) hits.push(hit(text, a, b, 0.5));
    }
    if (
      b.quoted &&
      (POSITIVES.has(b.stem) || b.norm === "service" || b.norm === "help" || b.norm === "support")
    ) {
      const close = tokens[i + 2];
      if (a.text === '"' || a.text === "“") {
        if (close && (close.text === '"' || close.text === "”")) hits.push(hit(text, a, close, 0.45));
      }
    }
  }
  return hits;
}
