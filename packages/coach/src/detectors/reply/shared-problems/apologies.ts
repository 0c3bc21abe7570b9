/** @module Finds each apology in a reply and sorts it: sympathy, sincere, or non-apology (hedged or blame-shifting). */

import {
  APOLOGY_CUES,
  APOLOGY_HEDGES,
  type HedgeKind,
  SENTENCE_HEDGES,
  SYMPATHY_PHRASES,
} from "../../../lexicons/reply-problems-apology.js";
import type { Tokenized } from "../../../text/tokenize.js";
import { findBlameCues, findNegativeCues } from "./cue-finders.js";
import { memoByIdentity } from "./memo.js";
import { phraseSet } from "./phrases.js";
import { type Word, wordsOf } from "./words.js";

export type ApologyVerdict = "sincere" | "non_apology";
export type NonApologyReason = HedgeKind | "refusal" | "blame_shift";

export interface Apology {
  verdict: ApologyVerdict;
  /** Probability the verdict is right. */
  p: number;
  reason?: NonApologyReason;
  /** Word range of the apology phrase (with its subject, "I'm so sorry"), inclusive. */
  from: number;
  to: number;
  /** End word of the hedge or clause that makes it a non-apology, for the rewrite span. */
  hedgeTo: number;
  sentence: number;
}

const cueSet = phraseSet(APOLOGY_CUES);
const sympathySet = phraseSet(SYMPATHY_PHRASES);
const hedgeSet = phraseSet(APOLOGY_HEDGES);
const sentenceHedgeSet = phraseSet(SENTENCE_HEDGES);

const LEAD_IN = new Set([
  "i",
  "we",
  "am",
  "are",
  "is",
  "so",
  "very",
  "really",
  "truly",
  "deeply",
  "terribly",
  "our",
  "my",
  "sincere",
  "sincerest",
  "do",
  "again",
  "once",
]);
// After one of these the apology has an object: "sorry for the delay", "sorry we shipped…", "sorry about this".
const OBJECT_STARTERS = new Set([
  "for",
  "about",
  "that",
  "we",
  "our",
  "your",
  "this",
  "it",
  "the",
  "i",
  "you",
  "once",
  "again",
  "to",
  "on",
  "over",
]);
const REFUSAL_KINDS = new Set(["refusal", "nothing", "not_ours"]);

function isBare(words: readonly Word[], cueEnd: number): boolean {
  const cue = words[cueEnd];
  const next = words[cueEnd + 1];
  if (!cue || !next || next.sentence !== cue.sentence || next.afterBreak) return true;
  return !OBJECT_STARTERS.has(next.w);
}

/** Same sentence, or the next one when the apology is bare ("Sorry. The carrier…") or the cue is a third party. */
function isNear(cueSentence: number, apologySentence: number, nextCounts: boolean): boolean {
  return cueSentence === apologySentence || (nextCounts && cueSentence === apologySentence + 1);
}

function classifyApologies(t: Tokenized): Apology[] {
  const words = wordsOf(t);
  const cues = cueSet.find(words);
  // Most replies that need no verdict have no apology cue at all: skip the hedge, blame and refusal readings.
  if (cues.length === 0) return [];
  const sympathyStarts = new Set(sympathySet.find(words).map((m) => m.from));
  const hedges = hedgeSet.find(words);
  const sentenceHedges = sentenceHedgeSet.find(words);
  const blame = findBlameCues(t);
  const negative = findNegativeCues(t).filter((n) => REFUSAL_KINDS.has(n.kind));
  const out: Apology[] = [];
  let lastTo = -1;
  for (const m of cues) {
    if (m.from <= lastTo) continue;
    const cue = words[m.from];
    if (!cue) continue;
    const sentence = cue.sentence;
    if (sympathyStarts.has(m.from)) continue;
    // "No need to apologize", "we regret to inform you" are not apologies.
    const prev = words[m.from - 1]?.w ?? "";
    const next = words[m.to + 1]?.w ?? "";
    if (prev === "to" && words[m.from - 2]?.w === "need") continue;
    if (cue.w === "we" || cue.w === "i" ? next === "to" : false) continue;
    let from = m.from;
    while (from > 0 && LEAD_IN.has(words[from - 1]?.w ?? "") && words[from - 1]?.sentence === sentence)
      from--;
    lastTo = m.to;
    const base = { from, to: m.to, sentence };
    const hedge =
      hedges.find((h) => h.from >= m.from && h.from <= m.to + 1) ??
      sentenceHedges.find((h) => words[h.from]?.sentence === sentence);
    if (hedge) {
      out.push({
        ...base,
        verdict: "non_apology",
        p: hedge.entry.w,
        reason: hedge.entry.kind,
        hedgeTo: hedge.to,
      });
      continue;
    }
    const bare = isBare(words, m.to);
    // Blame right after an apology ("Sorry. The carrier should…", "…You should have checked") takes it back.
    // Defensiveness counts only inside the apology's own sentence ("sorry, but as explained…").
    if (
      blame.some(
        (b) =>
          (b.kind !== "defensive" || b.from > m.to) && isNear(b.sentence, sentence, b.kind !== "defensive"),
      )
    ) {
      out.push({ ...base, verdict: "non_apology", p: 0.72, reason: "blame_shift", hedgeTo: m.to });
      continue;
    }
    // "Sorry, but <policy>": a bare apology next to a refusal, or a refusal following the apology in its sentence.
    if (negative.some((n) => (bare || n.from > m.to) && isNear(n.sentence, sentence, bare))) {
      out.push({ ...base, verdict: "non_apology", p: bare ? 0.78 : 0.6, reason: "refusal", hedgeTo: m.to });
      continue;
    }
    out.push({ ...base, verdict: "sincere", p: 0.85, hedgeTo: m.to });
  }
  return out;
}

/** Every apology in the reply with its verdict, computed once per reply. */
export const findApologies: (t: Tokenized) => Apology[] = memoByIdentity(classifyApologies);
