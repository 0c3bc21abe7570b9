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
const MAX_ENTRIES = 40_000;
/** Longer tokens (pasted hashes, runs of one character) are not kept: they rarely repeat and would hold memory. */
const MAX_INTERNED_LENGTH = 48;
// One array of spellings, compared by their text: a lookup then touches the slot, the spelling and its characters.
const spellings: Array<Spelling | undefined> = new Array<Spelling | undefined>(MASK + 1).fill(undefined);
/**
 * Each slot's text length, beside the slot: a probe compares it before touching the spelling. Spelling texts come in
 * many string representations (flat, internalised, thin), so reading `.length` off them is a slow generic lookup.
 */
const lengths = new Uint8Array(MASK + 1);
let entries = 0;

function hashRange(text: string, start: number, end: number): number {
  // As a signed 32-bit value (the same bits): an unsigned start would make `h` a float, converted on every step.
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & MASK;
}

/** Whether key (of `length` code units) is spelled as text[start, start + length). */
function sameChars(key: string, text: string, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
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
  let slot = hashRange(text, start, end);
  for (;;) {
    const known = spellings[slot];
    if (known === undefined) break;
    if (lengths[slot] === length && sameChars(known.text, text, start, length)) return known;
    slot = (slot + 1) & MASK;
  }
  if (entries >= MAX_ENTRIES) {
    spellings.fill(undefined);
    lengths.fill(0);
    entries = 0;
    slot = hashRange(text, start, end);
  }
  const spelling = makeSpelling(ownCopy(text.slice(start, end)));
  spellings[slot] = spelling;
  lengths[slot] = length;
  entries++;
  return spelling;
}
