/** @module Matches multi-word lexicon phrases against stemmed words in one linear pass. */
import { tokenize } from "../../text/tokenize.js";
import { type CustomerText, type CustomerToken, stem, wordFlag, wordInfo } from "./customer-text.js";

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
/** The second stems of every shared lexicon's phrases, for the flag below. */
const SHARED_SECONDS = new Set<string>();
/**
 * Words that are the second of some shared lexicon's phrase: most words after a phrase head are none, and the flag
 * (on the token) spares looking the word's stem up in the head's set, which reaches the stem's string for its hash.
 * Lexicons compiled later still count: each registers a flag of its own below, so every spelling is tested again.
 */
const SECOND = wordFlag((_, stem) => SHARED_SECONDS.has(stem));

/** `compilePhrases` for a lexicon that lives as long as the module: its lookups are memoised per spelling. */
export function compileSharedPhrases<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const index = compilePhrases(entries);
  for (const list of index.values())
    for (const c of list) if (c.stems.length > 1) SHARED_SECONDS.add(c.stems[1] as string);
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
    if (flag !== undefined && ((words[i] as CustomerToken).flags & flag) === 0) {
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
    if (flag !== undefined && ((words[i] as CustomerToken).flags & flag) === 0) continue;
    const match = longestAt(words, i, index, id);
    if (match) out.push(match);
  }
  return out;
}

/**
 * The phrases of one shared lexicon that start with one stem, with what rules most of them out at a glance: the
 * stems that can follow the head, and the first one-word phrase (what matches when no longer one can).
 */
interface HeadPhrases<T> {
  /** Longest first, as the index keeps them. */
  candidates: ReadonlyArray<CompiledPhrase<T>>;
  /** Second stems of the phrases longer than one word. */
  seconds: ReadonlySet<string>;
  single: CompiledPhrase<T> | undefined;
}

const NO_HEAD: HeadPhrases<never> = { candidates: NO_PHRASES, seconds: new Set(), single: undefined };

function headPhrasesOf<T>(candidates: ReadonlyArray<CompiledPhrase<T>> | undefined): HeadPhrases<T> {
  if (candidates === undefined || candidates.length === 0) return NO_HEAD;
  const seconds = new Set<string>();
  for (const c of candidates) if (c.stems.length > 1) seconds.add(c.stems[1] as string);
  return { candidates, seconds, single: candidates.find((c) => c.stems.length === 1) };
}

function headPhrasesAt<T>(head: CustomerToken, index: PhraseIndex<T>, id: number): HeadPhrases<T> {
  const heads = wordInfo(head).heads;
  const known = heads[id] as HeadPhrases<T> | undefined;
  if (known !== undefined) return known;
  const found = headPhrasesOf(index.get(head.stem));
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
  if (id < 0) return firstMatch(words, i, index.get(head.stem));
  const phrases = headPhrasesAt(head, index, id);
  if (phrases.candidates.length === 0) return null;
  const next = words[i + 1];
  // Every longer phrase needs the next word, in the same sentence, to be its second: most heads stop here.
  if (
    next === undefined ||
    next.sentence !== head.sentence ||
    (next.flags & SECOND) === 0 ||
    !phrases.seconds.has(next.stem)
  ) {
    const single = phrases.single;
    return single === undefined ? null : { from: i, to: i, phrase: single.phrase, value: single.value };
  }
  return firstMatch(words, i, phrases.candidates);
}

/** The first (so the longest) of `candidates` that the words from i spell, within one sentence. */
function firstMatch<T>(
  words: readonly CustomerToken[],
  i: number,
  candidates: ReadonlyArray<CompiledPhrase<T>> | undefined,
): PhraseMatch<T> | null {
  const head = words[i] as CustomerToken;
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
