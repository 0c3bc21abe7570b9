/** @module Matches multi-word lexicon phrases against stemmed words in one linear pass. */
import { tokenize } from "../../text/tokenize.js";
import { type CustomerToken, stem } from "./customer-text.js";

interface CompiledPhrase<T> {
  stems: string[];
  phrase: string;
  value: T;
}

/** A lexicon compiled for matching: phrases grouped by their first stem, longest first. */
export type PhraseIndex<T> = ReadonlyMap<string, ReadonlyArray<CompiledPhrase<T>>>;

export interface PhraseMatch<T> {
  /** Indexes into the `words` array, inclusive. */
  from: number;
  to: number;
  phrase: string;
  value: T;
}

export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .tokens.filter((k) => k.kind === "word" || k.kind === "number")
    .map((k) => stem(k.norm));
}

export function compilePhrases<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const index = new Map<string, CompiledPhrase<T>[]>();
  for (const [phrase, value] of entries) {
    const stems = phraseStems(phrase);
    const first = stems[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push({ stems, phrase, value });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return index;
}

/** Greedy longest matches, left to right, never crossing a sentence; overlapping matches are skipped. */
export function matchPhrases<T>(words: readonly CustomerToken[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = 0;
  while (i < words.length) {
    const match = longestAt(words, i, index);
    if (match) {
      out.push(match);
      i = match.to + 1;
    } else i++;
  }
  return out;
}

/** Every phrase that starts at any word, including overlapping ones (for detectors that want all evidence). */
export function matchAllPhrases<T>(words: readonly CustomerToken[], index: PhraseIndex<T>): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = longestAt(words, i, index);
    if (match) out.push(match);
  }
  return out;
}

function longestAt<T>(
  words: readonly CustomerToken[],
  i: number,
  index: PhraseIndex<T>,
): PhraseMatch<T> | null {
  const head = words[i];
  if (!head) return null;
  const candidates = index.get(head.stem);
  if (!candidates) return null;
  for (const c of candidates) {
    const last = i + c.stems.length - 1;
    const end = words[last];
    if (!end || end.sentence !== head.sentence) continue;
    let ok = true;
    for (let k = 1; k < c.stems.length && ok; k++) ok = words[i + k]?.stem === c.stems[k];
    if (ok) return { from: i, to: last, phrase: c.phrase, value: c.value };
  }
  return null;
}
