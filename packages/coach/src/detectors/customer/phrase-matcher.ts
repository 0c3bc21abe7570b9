/** @module Matches multi-word lexicon phrases against stemmed words in one linear pass. */
import { tokenize } from "../../text/tokenize.js";
import { type CustomerText, type CustomerToken, stem, wordFlag } from "./customer-text.js";

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

// Lexicons compiled once at load get an id, under which each spelling keeps its candidate phrases: one array read per
// word instead of a map lookup per word and lexicon. Indexes compiled per call (a desk's product names) get none.
const SHARED_IDS = new WeakMap<PhraseIndex<unknown>, number>();
// Each shared lexicon also gets a word flag for "some phrase starts with this stem": most words start none.
const SHARED_FLAGS = new WeakMap<PhraseIndex<unknown>, number>();
let nextId = 0;
const NO_PHRASES: ReadonlyArray<CompiledPhrase<never>> = [];

/** `compilePhrases` for a lexicon that lives as long as the module: its lookups are memoised per spelling. */
export function compileSharedPhrases<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const index = compilePhrases(entries);
  SHARED_IDS.set(index, nextId++);
  SHARED_FLAGS.set(
    index,
    wordFlag((_, stem) => index.has(stem)),
  );
  return index;
}

/** The `wordFlag` bit of the words a shared lexicon's phrases start with (undefined for other indexes). */
export function phraseHeadFlag(index: PhraseIndex<unknown>): number | undefined {
  return SHARED_FLAGS.get(index);
}

/** Whether some word of `text` starts a phrase of `index` (always true for an index that is not shared). */
export function mayMatch(text: CustomerText, index: PhraseIndex<unknown>): boolean {
  const flag = SHARED_FLAGS.get(index);
  return flag === undefined || (text.flags & flag) !== 0;
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
  if (index.size === 0) return out;
  const id = SHARED_IDS.get(index) ?? -1;
  const flag = phraseHeadFlag(index);
  let i = 0;
  while (i < words.length) {
    if (flag !== undefined && ((words[i] as CustomerToken).info.flags & flag) === 0) {
      i++;
      continue;
    }
    const match = longestAt(words, i, index, id);
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
  const id = SHARED_IDS.get(index) ?? -1;
  const flag = phraseHeadFlag(index);
  for (let i = 0; i < words.length; i++) {
    if (flag !== undefined && ((words[i] as CustomerToken).info.flags & flag) === 0) continue;
    const match = longestAt(words, i, index, id);
    if (match) out.push(match);
  }
  return out;
}

function candidatesAt<T>(
  head: CustomerToken,
  index: PhraseIndex<T>,
  id: number,
): ReadonlyArray<CompiledPhrase<T>> {
  const heads = head.info.heads;
  const known = heads[id] as ReadonlyArray<CompiledPhrase<T>> | undefined;
  if (known !== undefined) return known;
  const found = index.get(head.stem) ?? NO_PHRASES;
  heads[id] = found;
  return found;
}

function longestAt<T>(
  words: readonly CustomerToken[],
  i: number,
  index: PhraseIndex<T>,
  id: number,
): PhraseMatch<T> | null {
  const head = words[i];
  if (!head) return null;
  const candidates = id < 0 ? index.get(head.stem) : candidatesAt(head, index, id);
  if (!candidates || candidates.length === 0) return null;
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
