/** @module Blame and negative-framing cues in a reply, found once per reply and shared by the detectors that need them. */
import { BLAME_PHRASES, type BlameEntry, type BlameKind } from "../../../lexicons/reply-problems-blame.js";
import {
  NEGATIVE_PHRASES,
  type NegativeEntry,
  type NegativeKind,
} from "../../../lexicons/reply-problems-negative.js";
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";
import { type PhraseSet, phraseSet } from "./phrases.js";
import { type Word, wordsOf } from "./words.js";

export interface FoundCue<K> {
  kind: K;
  w: number;
  from: number;
  to: number;
  sentence: number;
}

const blameSet = phraseSet(BLAME_PHRASES);
const negativeSet = phraseSet(NEGATIVE_PHRASES);

// "You should have received an email" informs; "you should have read the terms" blames.
const INFORMATIVE_AFTER_HAVE = new Set([
  "received",
  "got",
  "gotten",
  "been",
  "seen",
  "a",
  "an",
  "the",
  "access",
  "it",
  "one",
  "your",
  "no",
  "any",
]);
const BOUNDARY_OBJECTS = new Set([
  "words",
  "language",
  "abuse",
  "insults",
  "being",
  "swearing",
  "comments",
  "that",
]);
const NEGATIONS = new Set(["not", "never", "no", "nothing"]);
// "We're unable to see that we've received one" reports what we can see, it does not refuse anything.
const LOOKUP_VERBS = new Set(["see", "find", "locate", "tell", "verify", "spot", "trace"]);
// "I can't wait", "we can't thank you enough" are warm, not refusals.
const WARM_AFTER_CANT = new Set([
  "wait",
  "thank",
  "apologize",
  "stress",
  "emphasize",
  "believe",
  "imagine",
  "express",
]);

function blameAllowed(words: readonly Word[], m: { entry: BlameEntry; from: number; to: number }): boolean {
  const last = words[m.to]?.w;
  if (last === "have" && INFORMATIVE_AFTER_HAVE.has(words[m.to + 1]?.w ?? "")) return false;
  // "It's not your fault", "not something you should have had to catch": blame denied, not assigned.
  if (m.entry.kind === "customer") {
    for (let j = m.from - 1; j >= Math.max(0, m.from - 3); j--) {
      const prev = words[j];
      if (!prev || prev.sentence !== words[m.from]?.sentence) break;
      if (NEGATIONS.has(prev.w)) return false;
    }
  }
  return true;
}

/** Whether "we"/"I" is the subject just before `at`, or `at` opens its sentence. */
function subjectIsUs(words: readonly Word[], at: number): boolean {
  const sentence = words[at]?.sentence;
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    const prev = words[j];
    if (!prev || prev.sentence !== sentence) return j === at - 1;
    if (prev.w === "we" || prev.w === "i") return true;
  }
  return at === 0 || words[at - 1]?.sentence !== sentence;
}

function negativeAllowed(
  words: readonly Word[],
  m: { entry: NegativeEntry; from: number; to: number },
): boolean {
  const last = words[m.to]?.w;
  const after = words[m.to + 1]?.w ?? "";
  if (last === "not" && WARM_AFTER_CANT.has(after)) return false;
  if (m.entry.kind === "refusal" && LOOKUP_VERBS.has(after)) return false;
  // "I won't accept words like…" sets a boundary on abuse; it refuses nothing the customer asked for.
  if (
    last === "not" &&
    (after === "tolerate" || (after === "accept" && BOUNDARY_OBJECTS.has(words[m.to + 2]?.w ?? "")))
  ) {
    return false;
  }
  const first = words[m.from];
  // "Our supplier has been unable to…" is a third party's failure (blame's concern), not our refusal.
  if (first?.w === "unable" && !subjectIsUs(words, m.from)) return false;
  // "If you are unable to…", "you're not able to": the customer's situation, not our refusal.
  if (m.entry.kind === "refusal" && first && first.w !== "we" && first.w !== "i") {
    for (let j = m.from - 1; j >= Math.max(0, m.from - 3); j--) {
      const prev = words[j];
      if (!prev || prev.sentence !== first.sentence) break;
      if (prev.w === "you" || prev.w === "if" || prev.w === "they") return false;
      if (prev.w === "we" || prev.w === "i") break;
    }
  }
  return true;
}

/** Finds a lexicon's phrases in a reply, keeps those the guard allows, and memoises the result per reply. */
function cueFinder<K, E extends { p: string; w: number; kind: K }>(
  set: PhraseSet<E>,
  allowed: (words: readonly Word[], m: { entry: E; from: number; to: number }) => boolean,
): (t: Tokenized) => FoundCue<K>[] {
  return memoByIdentity((t: Tokenized) => {
    const words = wordsOf(t);
    return set
      .find(words)
      .filter((m) => allowed(words, m))
      .map((m) => ({
        kind: m.entry.kind,
        w: m.entry.w,
        from: m.from,
        to: m.to,
        sentence: words[m.from]?.sentence ?? 0,
      }));
  });
}

export const findBlameCues: (t: Tokenized) => FoundCue<BlameKind>[] = cueFinder(blameSet, blameAllowed);

export const findNegativeCues: (t: Tokenized) => FoundCue<NegativeKind>[] = cueFinder(
  negativeSet,
  negativeAllowed,
);
