/** @module Blame and negative-framing cues in a reply, found once per reply and shared by the detectors that need them. */
import { BLAME_PHRASES, type BlameEntry, type BlameKind } from "../../../lexicons/reply-problems-blame.js";
import {
  NEGATIVE_PHRASES,
  type NegativeEntry,
  type NegativeKind,
} from "../../../lexicons/reply-problems-negative.js";
import type { Tokenized } from "../../../text/tokenize.js";
import { phraseSet } from "./phrases.js";
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
  return true;
}

function negativeAllowed(
  words: readonly Word[],
  m: { entry: NegativeEntry; from: number; to: number },
): boolean {
  const last = words[m.to]?.w;
  if (last === "not" && WARM_AFTER_CANT.has(words[m.to + 1]?.w ?? "")) return false;
  const first = words[m.from];
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

const blameCache = new WeakMap<Tokenized, FoundCue<BlameKind>[]>();
const negativeCache = new WeakMap<Tokenized, FoundCue<NegativeKind>[]>();

export function findBlameCues(t: Tokenized): FoundCue<BlameKind>[] {
  const hit = blameCache.get(t);
  if (hit) return hit;
  const words = wordsOf(t);
  const out = blameSet
    .find(words)
    .filter((m) => blameAllowed(words, m))
    .map((m) => ({
      kind: m.entry.kind,
      w: m.entry.w,
      from: m.from,
      to: m.to,
      sentence: words[m.from]?.sentence ?? 0,
    }));
  blameCache.set(t, out);
  return out;
}

export function findNegativeCues(t: Tokenized): FoundCue<NegativeKind>[] {
  const hit = negativeCache.get(t);
  if (hit) return hit;
  const words = wordsOf(t);
  const out = negativeSet
    .find(words)
    .filter((m) => negativeAllowed(words, m))
    .map((m) => ({
      kind: m.entry.kind,
      w: m.entry.w,
      from: m.from,
      to: m.to,
      sentence: words[m.from]?.sentence ?? 0,
    }));
  negativeCache.set(t, out);
  return out;
}
