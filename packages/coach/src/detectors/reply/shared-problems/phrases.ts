/**
 * @module Linear-time phrase matching over the word stream. A pattern is space-separated slots: `a|b` alternatives,
 * `apolog*` a prefix, `*` any word, a trailing `?` makes a slot optional and `..N` skips up to N words. Matches never
 * cross a sentence. Patterns are indexed by their first word, so each position only tries the few that can start there.
 */
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

/** Returns the exclusive end word index of a match of slots[si..] starting at wi, or -1. */
function matchFrom(
  slots: readonly Slot[],
  words: readonly Word[],
  si: number,
  wi: number,
  sentence: number,
): number {
  const slot = slots[si];
  if (!slot) return wi;
  const inSentence = (i: number) => i < words.length && words[i]?.sentence === sentence;
  if (slot.gap > 0) {
    for (let g = 0; g <= slot.gap; g++) {
      if (g > 0 && !inSentence(wi + g - 1)) break;
      const end = matchFrom(slots, words, si + 1, wi + g, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const w = words[wi];
  if (w && w.sentence === sentence && slotAccepts(slot, w.w)) {
    const end = matchFrom(slots, words, si + 1, wi + 1, sentence);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(slots, words, si + 1, wi, sentence) : -1;
}

/** Compiles entries once (at module load); entries whose pattern starts with an optional slot are rejected. */
export function phraseSet<E extends { p: string }>(entries: readonly E[]): PhraseSet<E> {
  const byFirst = new Map<string, { entry: E; slots: Slot[] }[]>();
  const scanned: { entry: E; slots: Slot[] }[] = [];
  for (const entry of entries) {
    const slots = entry.p.trim().split(/\s+/).map(parseSlot);
    const first = slots[0];
    if (!first || first.optional || first.gap > 0) continue;
    const compiled = { entry, slots };
    if (first.any || first.prefixes.length > 0) {
      scanned.push(compiled);
      continue;
    }
    for (const w of first.words) {
      const list = byFirst.get(w);
      if (list) list.push(compiled);
      else byFirst.set(w, [compiled]);
    }
  }
  return {
    find(words) {
      const out: PhraseMatch<E>[] = [];
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (!word) continue;
        const candidates = byFirst.get(word.w);
        const tryOne = (c: { entry: E; slots: Slot[] }) => {
          const end = matchFrom(c.slots, words, 0, i, word.sentence);
          if (end > i) out.push({ entry: c.entry, from: i, to: end - 1 });
        };
        if (candidates) for (const c of candidates) tryOne(c);
        for (const c of scanned) if (slotAccepts(c.slots[0] as Slot, word.w)) tryOne(c);
      }
      return out;
    },
  };
}
