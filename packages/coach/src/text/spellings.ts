/**
 * @module Interned spellings: each distinct token text is stored once with what is known about it, so tokenising a
 * message allocates no substring for a word seen before and every later lookup reuses one string (its hash cached).
 */

export type TokenKind = "word" | "number" | "punct" | "emoji" | "symbol";

/** One written form of a token and the facts that depend on nothing else. */
export interface Spelling {
  /** The token as written. */
  readonly text: string;
  /** Lower-cased, curly apostrophes made straight. */
  readonly norm: string;
  readonly kind: TokenKind;
  /** Facts a reader works out once per spelling and keeps here (the customer reader keeps profanity and phrases). */
  attached: unknown;
  /**
   * The reader's stem of this spelling, kept on first need (null until then). It and `flags` are read for every
   * token, so they live on the spelling itself: one object per token to reach instead of two.
   */
  stem: string | null;
  /** Bits of the per-spelling tests a reader registered, valid while `flagsVersion` is the reader's current one. */
  flags: number;
  flagsVersion: number;
}

const ASCII_PUNCT = new Set([..."!?.,;:'\"()[]{}-"]);

export function kindOf(tok: string): TokenKind {
  const c = tok.codePointAt(0) ?? 0;
  // ASCII is most of what anyone types: no ASCII character is pictographic, so a table settles it.
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return "word";
    if (c >= 0x30 && c <= 0x39) return "number";
    return ASCII_PUNCT.has(tok[0] ?? "") ? "punct" : "symbol";
  }
  const ch = String.fromCodePoint(c);
  if (/\p{L}|\p{M}/u.test(ch)) return "word";
  if (/\p{N}/u.test(ch)) return "number";
  if (/\p{Extended_Pictographic}/u.test(ch)) return "emoji";
  if (/[!?.,;:'"“”‘’()[\]{}\-–—…]/.test(ch)) return "punct";
  return "symbol";
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
}

function makeSpelling(text: string): Spelling {
  return {
    text,
    norm: normalizeWord(text),
    kind: kindOf(text),
    attached: undefined,
    stem: null,
    flags: 0,
    flagsVersion: -1,
  };
}

// An open-addressing table keyed by the characters themselves, so a lookup needs no substring. Real traffic holds
// ~20k distinct spellings; past MAX_ENTRIES (a paste of unique garbage) the table starts afresh, so memory stays bounded.
const TABLE_BITS = 16;
const MASK = (1 << TABLE_BITS) - 1;
/** Below 2^16, so an entry's number fits the low half of its slot. */
const MAX_ENTRIES = 40_000;
/** Longer tokens (pasted hashes, runs of one character) are not kept: they rarely repeat and would hold memory. */
const MAX_INTERNED_LENGTH = 48;
/** Bits of an `entryKeys` value that hold the length (MAX_INTERNED_LENGTH fits); the rest is the offset in `chars`. */
const LENGTH_BITS = 6;
const LENGTH_MASK = (1 << LENGTH_BITS) - 1;
const TAG_MASK = ~0xffff;
// Lookups are scattered over the table, and each one used to reach three scattered objects (slot, spelling, string).
// Now a slot is one 32-bit word (the high half of the hash, and the entry's number + 1; 0 = empty), and what an entry
// is compared by sits in typed arrays numbered by entry in the order first seen: the common words, seen first, share
// a few cache lines. The spelling itself is reached only once found.
const slots = new Int32Array(MASK + 1);
/** Per entry: its offset in `chars` << LENGTH_BITS | its length. */
const entryKeys = new Int32Array(MAX_ENTRIES);
const entrySpellings: Spelling[] = [];
/** The characters of every kept spelling, end to end. */
let chars = new Uint16Array(1 << 16);
let charsUsed = 0;

/** FNV-1a of text[start, end), folded (all 32 bits; the low TABLE_BITS pick the slot). */
function hashRange(text: string, start: number, end: number): number {
  // As a signed 32-bit value (the same bits): an unsigned start would make `h` a float, converted on every step.
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/** Whether chars[at, at + length) holds the code units of text[start, start + length). */
function sameChars(at: number, text: string, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (chars[at + i] !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Copies text[start, end) to the end of `chars` (grown by doubling) and returns where it starts. */
function keepChars(text: string, start: number, end: number): number {
  const at = charsUsed;
  if (at + (end - start) > chars.length) {
    const grown = new Uint16Array(chars.length * 2);
    grown.set(chars);
    chars = grown;
  }
  for (let i = start; i < end; i++) chars[charsUsed++] = text.charCodeAt(i);
  return at;
}

/**
 * A copy of a token that holds only its own characters. Engines keep a slice of 13+ characters as a view into the
 * whole message, which a kept spelling would then keep alive; joining and cutting again makes a string of its own.
 */
function ownCopy(token: string): string {
  return token.length < 13 ? token : `${token} `.slice(0, -1);
}

/** The spelling of text[start, end). */
export function spellingAt(text: string, start: number, end: number): Spelling {
  const length = end - start;
  if (length > MAX_INTERNED_LENGTH) return makeSpelling(text.slice(start, end));
  const hash = hashRange(text, start, end);
  const tag = hash & TAG_MASK;
  let slot = hash & MASK;
  for (;;) {
    const v = slots[slot] as number;
    if (v === 0) break;
    if ((v & TAG_MASK) === tag) {
      const entry = (v & 0xffff) - 1;
      const key = entryKeys[entry] as number;
      if ((key & LENGTH_MASK) === length && sameChars(key >>> LENGTH_BITS, text, start, length))
        return entrySpellings[entry] as Spelling;
    }
    slot = (slot + 1) & MASK;
  }
  if (entrySpellings.length >= MAX_ENTRIES) {
    slots.fill(0);
    entrySpellings.length = 0;
    charsUsed = 0;
    slot = hash & MASK;
  }
  const spelling = makeSpelling(ownCopy(text.slice(start, end)));
  const entry = entrySpellings.length;
  entrySpellings.push(spelling);
  entryKeys[entry] = (keepChars(text, start, end) << LENGTH_BITS) | length;
  slots[slot] = tag | (entry + 1);
  return spelling;
}
