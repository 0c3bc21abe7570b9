/** @module Hashed sparse text features (words, word bigrams, in-word character n-grams, cue tokens) shared by training and inference. */

/** Which feature families a model was trained with; stored in its weights file so inference extracts the same ones. */
export interface FeatureConfig {
  /** Number of hash buckets is 2^hashBits. */
  hashBits: number;
  bigrams: boolean;
  /** In-word character n-gram length (0 = none); words get `<` and `>` boundary marks. */
  charNgram: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
// Distinct seeds keep the families apart in the hash space.
const SEED_WORD = 0x9e3779b1;
const SEED_BIGRAM = 0x85ebca6b;
const SEED_CHAR = 0xc2b2ae35;
const BOUNDARY = 0x3c;

function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  // Every use goes through 32-bit integer operations (& mask, ^, Math.imul), so a signed result has the same bits
  // and stays a small integer instead of a boxed number.
  return x ^ (x >>> 16);
}

/** Lower-cases ASCII cheaply; other characters go through toLowerCase once. */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xc0) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7)
  );
}

/** Code units below this have their word-character reading in a table; the rare others are worked out per use. */
const TABLE_LIMIT = 0x2000;
/** For each code unit below TABLE_LIMIT: its lower-cased code if that is a word character, else 0 (never one). */
const WORD_LOWER = new Uint16Array(TABLE_LIMIT);
for (let c = 0; c < TABLE_LIMIT; c++) {
  const l = lowerCode(c);
  WORD_LOWER[c] = isWordCode(l) ? l : 0;
}

/** The lower-cased code of `c` when that is a word character, else 0. */
function wordLower(c: number): number {
  if (c < TABLE_LIMIT) return WORD_LOWER[c] as number;
  const l = lowerCode(c);
  return isWordCode(l) ? l : 0;
}

/** Reusable scratch space: one per model family, so extraction allocates nothing per call after warm-up. */
export class FeatureBuffer {
  ids: Int32Array;
  length = 0;
  private word: Uint16Array = new Uint16Array(64);
  constructor(capacity = 4096) {
    this.ids = new Int32Array(capacity);
  }
  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
  /** The current word's lower-cased code units, for character n-grams. */
  wordCodes(): Uint16Array {
    return this.word;
  }
  growWord(): void {
    const grown = new Uint16Array(this.word.length * 2);
    grown.set(this.word);
    this.word = grown;
  }
}

// Cue tokens that carry tone: they become words of their own so `!!!` and `??` count.
const BANG = 33;
const QUESTION = 63;
const CAPS_FEATURE = mix(0x0ca95);

/**
 * Fills `buf` with bucket ids for `text`. Tokens: lower-cased words (letters/digits, inner apostrophes kept),
 * `!` and `?` as tokens, emoji (surrogate pairs) as tokens, and a marker for each SHOUTED word (3+ capitals).
 */
export function extractFeatures(text: string, cfg: FeatureConfig, buf: FeatureBuffer): void {
  buf.length = 0;
  const mask = (1 << cfg.hashBits) - 1;
  // Words are copied out only for character n-grams; without them the hash and the length are all that is kept.
  const keepCodes = cfg.charNgram > 0;
  const n = text.length;
  let prev = 0;
  let hasPrev = false;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let h = FNV_OFFSET;
    let wordLen = 0;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      h = Math.imul(h ^ c, FNV_PRIME);
      h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
      i += 2;
    } else if (c === BANG || c === QUESTION) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    } else {
      if (wordLower(c) === 0) {
        // Clause punctuation ends a bigram chain; spaces, quotes and hyphens do not.
        if (c === 46 || c === 44 || c === 59 || c === 58 || c === 40 || c === 41) hasPrev = false;
        i++;
        continue;
      }
      let upper = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        let l = wordLower(c);
        if (
          (c === 39 || c === 0x2019) &&
          i + 1 < n &&
          wordLower(text.charCodeAt(i + 1)) !== 0 &&
          wordLen > 0
        ) {
          l = 39;
        } else if (l === 0) break;
        if (l !== c && c < 128) upper++;
        h = Math.imul(h ^ l, FNV_PRIME);
        if (keepCodes) {
          if (wordLen >= buf.wordCodes().length) buf.growWord();
          buf.wordCodes()[wordLen] = l;
        }
        wordLen++;
        i++;
      }
      if (upper >= 3 && upper === wordLen) buf.push(CAPS_FEATURE & mask);
      if (cfg.charNgram > 0 && wordLen >= cfg.charNgram - 1)
        pushCharNgrams(buf, wordLen, cfg.charNgram, mask);
    }
    const word = mix(h ^ SEED_WORD);
    buf.push(word & mask);
    if (cfg.bigrams && hasPrev) buf.push(mix(Math.imul(prev, 31) ^ word ^ SEED_BIGRAM) & mask);
    prev = word;
    hasPrev = true;
  }
}

function pushCharNgrams(buf: FeatureBuffer, wordLen: number, size: number, mask: number): void {
  const codes = buf.wordCodes();
  // Positions -1 and wordLen are the boundary marks.
  for (let start = -1; start + size <= wordLen + 1; start++) {
    let h = FNV_OFFSET ^ SEED_CHAR;
    for (let k = start; k < start + size; k++) {
      const code = k < 0 || k >= wordLen ? BOUNDARY : (codes[k] ?? 0);
      h = Math.imul(h ^ code, FNV_PRIME);
    }
    buf.push(mix(h) & mask);
  }
}
