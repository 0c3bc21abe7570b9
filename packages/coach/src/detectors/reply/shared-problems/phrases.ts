/** @module Linear-time phrase matching over the word stream, patterns indexed by their first word. */

/*
 * Linear-time phrase matching over the word stream. A pattern is space-separated slots: `a|b` alternatives,
 * `apolog*` a prefix, `*` any word, a trailing `?` makes a slot optional and `..N` skips up to N words
 * (alternatives are single words: "i am|we are" is two slots, write "i|we am|are"). Matches never cross a
 * sentence. Patterns are indexed by their first word, so each position only tries the few that can start there.
 */
import { memoByIdentity } from "./memo.js";
import type { Word } from "./words.js";

interface Slot {
  words: ReadonlySet<string>;
  prefixes: readonly string[];
  any: boolean;
  optional: boolean;
  /** > 0 for a `..N` gap slot. */
  gap: number;
}

export interface PhraseMatch<E> {
  entry: E;
  /** First and last word index, inclusive. */
  from: number;
  to: number;
}

export interface PhraseSet<E> {
  find(words: readonly Word[]): PhraseMatch<E>[];
}

function parseSlot(raw: string): Slot {
  const gap = /^\.\.(\d)$/.exec(raw);
  if (gap) return { words: new Set(), prefixes: [], any: false, optional: true, gap: Number(gap[1]) };
  const optional = raw.length > 1 && raw.endsWith("?");
  const body = optional ? raw.slice(0, -1) : raw;
  if (body === "*") return { words: new Set(), prefixes: [], any: true, optional, gap: 0 };
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const alt of body.split("|")) {
    if (alt.endsWith("*") && alt.length > 1) prefixes.push(alt.slice(0, -1));
    else if (alt) words.add(alt);
  }
  return { words, prefixes, any: false, optional, gap: 0 };
}

function slotAccepts(slot: Slot, w: string): boolean {
  if (slot.any || slot.words.has(w)) return true;
  for (const p of slot.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/** Returns the exclusive end word index of a match of slots[si..] starting at wi, or -1. No closures: hot path. */
function matchFrom(
  slots: readonly Slot[],
  words: readonly Word[],
  si: number,
  wi: number,
  sentence: number,
): number {
  const slot = slots[si];
  if (!slot) return wi;
  if (slot.gap > 0) {
    for (let g = 0; g <= slot.gap; g++) {
      if (g > 0 && words[wi + g - 1]?.sentence !== sentence) break;
      const end = matchFrom(slots, words, si + 1, wi + g, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const w = words[wi];
  // Adjacent slots do not match across a comma or dash ("…or not, our team…"); a `..N` gap may.
  const glued = si > 0 && slots[si - 1]?.gap === 0;
  if (w && w.sentence === sentence && !(glued && w.afterBreak) && slotAccepts(slot, w.w)) {
    const end = matchFrom(slots, words, si + 1, wi + 1, sentence);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(slots, words, si + 1, wi, sentence) : -1;
}

interface Compiled<E> {
  entry: E;
  slots: Slot[];
  /** Position among the set's patterns: matches at one word are reported in this order. */
  order: number;
}

/** The patterns starting with one word, split by what their second slot needs. */
interface FirstWordPatterns<E> {
  /** Patterns whose second slot is a plain list of words, under each of those words. */
  bySecond: Map<string, Compiled<E>[]>;
  /** The others (one slot only, or an optional, gap, wildcard or prefix second slot), in order. */
  rest: Compiled<E>[];
}

/** A second slot that can only match the very next word, and only as one of its listed words. */
function isPlainWords(slot: Slot | undefined): boolean {
  return (
    slot !== undefined &&
    !slot.any &&
    !slot.optional &&
    slot.gap === 0 &&
    slot.prefixes.length === 0 &&
    slot.words.size > 0
  );
}

function addPattern<E>(byFirst: Map<string, FirstWordPatterns<E>>, first: string, c: Compiled<E>): void {
  let patterns = byFirst.get(first);
  if (!patterns) {
    patterns = { bySecond: new Map(), rest: [] };
    byFirst.set(first, patterns);
  }
  const second = c.slots[1];
  if (!second || !isPlainWords(second)) {
    patterns.rest.push(c);
    return;
  }
  for (const w of second.words) {
    const list = patterns.bySecond.get(w);
    if (list) list.push(c);
    else patterns.bySecond.set(w, [c]);
  }
}

/**
 * Tries, in pattern order, the patterns starting with word i's word: those whose plain second slot holds the next
 * word (no other can match there), merged with the rest.
 */
function tryStartingAt<E>(
  patterns: FirstWordPatterns<E>,
  words: readonly Word[],
  i: number,
  sentence: number,
  out: PhraseMatch<E>[],
): void {
  const next = words[i + 1];
  // The second slot is glued to the first: the next word must be in the sentence with no break before it.
  const paired =
    next && next.sentence === sentence && !next.afterBreak ? patterns.bySecond.get(next.w) : undefined;
  const rest = patterns.rest;
  if (!paired) {
    for (const c of rest) tryAt(c, words, i, sentence, out);
    return;
  }
  let a = 0;
  let b = 0;
  while (a < paired.length || b < rest.length) {
    const p = paired[a];
    const r = rest[b];
    if (p && (!r || p.order < r.order)) {
      tryAt(p, words, i, sentence, out);
      a++;
    } else if (r) {
      tryAt(r, words, i, sentence, out);
      b++;
    }
  }
}

function tryAt<E>(
  c: Compiled<E>,
  words: readonly Word[],
  i: number,
  sentence: number,
  out: PhraseMatch<E>[],
): void {
  const end = matchFrom(c.slots, words, 0, i, sentence);
  if (end > i) out.push({ entry: c.entry, from: i, to: end - 1 });
}

/*
 * A reply is matched against several phrase sets in turn. Rather than each set looking up every word, the word
 * stream is read once: each word gets the bits of the sets that have a pattern starting with it.
 */
const SET_BITS = 32;
const setsStartingWith = new Map<string, number>();
let setCount = 0;

interface FirstWordBits {
  /** How many sets were registered when the bits were read; a set made later means reading again. */
  sets: number;
  bits: Uint32Array;
}

function readFirstWordBits(words: readonly Word[]): FirstWordBits {
  const bits = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) bits[i] = setsStartingWith.get(words[i]?.w ?? "") ?? 0;
  return { sets: setCount, bits };
}

const firstWordBitsOf = memoByIdentity(readFirstWordBits);

function firstWordBits(words: readonly Word[]): Uint32Array {
  const cached = firstWordBitsOf(words);
  return cached.sets === setCount ? cached.bits : readFirstWordBits(words).bits;
}

/** Compiles entries once (at module load); entries whose pattern starts with an optional slot are rejected. */
export function phraseSet<E extends { p: string }>(entries: readonly E[]): PhraseSet<E> {
  const byFirst = new Map<string, FirstWordPatterns<E>>();
  const scanned: Compiled<E>[] = [];
  let order = 0;
  for (const entry of entries) {
    const slots = entry.p.trim().split(/\s+/).map(parseSlot);
    const first = slots[0];
    if (!first || first.optional || first.gap > 0) continue;
    const compiled = { entry, slots, order: order++ };
    if (first.any || first.prefixes.length > 0) {
      scanned.push(compiled);
      continue;
    }
    for (const w of first.words) addPattern(byFirst, w, compiled);
  }
  // Past the 32nd set there are no bits left: such a set looks every word up itself.
  const bit = setCount < SET_BITS ? 1 << setCount : 0;
  setCount++;
  if (bit !== 0)
    for (const w of byFirst.keys()) setsStartingWith.set(w, (setsStartingWith.get(w) ?? 0) | bit);
  return {
    find(words) {
      const out: PhraseMatch<E>[] = [];
      const starts = bit !== 0 ? firstWordBits(words) : null;
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (!word) continue;
        const patterns = starts && ((starts[i] ?? 0) & bit) === 0 ? undefined : byFirst.get(word.w);
        if (patterns) tryStartingAt(patterns, words, i, word.sentence, out);
        for (const c of scanned) {
          const first = c.slots[0];
          if (first && slotAccepts(first, word.w)) tryAt(c, words, i, word.sentence, out);
        }
      }
      return out;
    },
  };
}
