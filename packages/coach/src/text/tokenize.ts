/** @module Linear-time tokenizer and sentence splitter with character offsets, shared by every detector. */
import type { Span } from "../types.js";
import { isAsciiLetter, isDigit } from "./chars.js";
import { type Spelling, spellingAt, type TokenKind } from "./spellings.js";

/** Longest text the detectors read; a longer paste is cut here so analysis stays fast and bounded. */
export const MAX_ANALYZED_CHARS = 20_000;

export type { TokenKind } from "./spellings.js";
export { normalizeWord } from "./spellings.js";

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, curly apostrophes made straight. */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Indexes into the token array: [first, last). */
  tokenStart: number;
  tokenEnd: number;
}

export interface Tokenized {
  /** The analysed text (input cut to MAX_ANALYZED_CHARS, lone surrogates replaced). */
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// Words keep inner apostrophes and hyphens (don't, e-mail); numbers keep inner separators (1,299.00 12/03 10:30).
// Every alternative starts with a distinct class and no quantified group overlaps its neighbour, so matching is linear.
const TOKEN_RE =
  /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:[.,:/-]\p{N}+)*|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F])*|[!?.,;:'"“”‘’()[\]{}\-–—…]|[^\s\p{L}\p{M}\p{N}]/gu;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Replaces lone UTF-16 surrogates (from binary garbage) so every later regex sees well-formed text. */
export function sanitize(input: string): string {
  const cut = input.length > MAX_ANALYZED_CHARS ? input.slice(0, MAX_ANALYZED_CHARS) : input;
  // Most text has no surrogates at all (no emoji): one quick scan spares the look-around regex.
  if (!SURROGATE.test(cut)) return cut;
  return cut.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Builds one token; `tokenizeWith` lets a caller make richer tokens in the same pass instead of copying them. */
export type TokenFactory<T extends Token> = (
  spelling: Spelling,
  start: number,
  end: number,
  sentence: number,
  index: number,
) => T;

function plainToken(spelling: Spelling, start: number, end: number, sentence: number): Token {
  return { text: spelling.text, norm: spelling.norm, start, end, kind: spelling.kind, sentence };
}

/** Splits text into tokens and sentences. Sentences end at . ! ? … runs or at a blank/new line. */
export function tokenize(input: string): Tokenized {
  return tokenizeWith(input, plainToken);
}

/** `tokenize`, with each token built by `make`. */
export function tokenizeWith<T extends Token>(
  input: string,
  make: TokenFactory<T>,
): { text: string; tokens: T[]; sentences: Sentence[] } {
  const text = sanitize(typeof input === "string" ? input : String(input ?? ""));
  const tokens: T[] = [];
  const sentences: Sentence[] = [];
  let sentenceStart = -1;
  let sentenceTokenStart = 0;
  let lastEnd = 0;

  const closeSentence = (end: number) => {
    if (sentenceStart < 0) return;
    sentences.push({
      start: sentenceStart,
      end,
      text: text.slice(sentenceStart, end),
      tokenStart: sentenceTokenStart,
      tokenEnd: tokens.length,
    });
    sentenceStart = -1;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let start = i;
    let end = -1;
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      }
      end = asciiTokenEnd(text, i, n);
    } else if (isTypographicPunct(c)) {
      end = i + 1;
    }
    if (end < 0) {
      // Anything beyond ASCII goes to the regex, which defines the tokens; the fast path above agrees with it.
      TOKEN_RE.lastIndex = i;
      const m = TOKEN_RE.exec(text);
      if (m === null) break;
      start = m.index;
      end = start + m[0].length;
    }
    i = end;
    // A newline between tokens ends the sentence (chat messages and bullet lists rarely use full stops).
    if (sentenceStart >= 0 && start > lastEnd && hasNewline(text, lastEnd, start)) closeSentence(lastEnd);
    const spelling = spellingAt(text, start, end);
    if (sentenceStart < 0) {
      sentenceStart = start;
      sentenceTokenStart = tokens.length;
    }
    tokens.push(make(spelling, start, end, sentences.length, tokens.length));
    lastEnd = end;
    if (spelling.kind === "punct" && end - start === 1 && isSentenceEnd(text.charCodeAt(start))) {
      // Keep runs like "?!" or "..." inside the sentence they end: close only when the next char is not one of them.
      const next = text.charCodeAt(end);
      if (Number.isNaN(next) || !isSentenceEnd(next)) {
        // "3.5" and "e.g." are numbers/abbreviations: only close when followed by space or end of text.
        if (Number.isNaN(next) || isSpace(next)) closeSentence(end);
      }
    }
  }
  closeSentence(lastEnd);
  return { text, tokens, sentences };
}

/**
 * Curly quotes, dashes and the ellipsis: punctuation typed by phones and word processors, each a token of its own
 * (TOKEN_RE's punctuation class; none is a letter, mark, digit or pictograph).
 */
function isTypographicPunct(c: number): boolean {
  return (
    (c >= 0x2018 && c <= 0x2019) ||
    (c >= 0x201c && c <= 0x201d) ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2026
  );
}

/**
 * End of the token that starts with the ASCII character at i, or -1 when only the regex can tell (a letter, digit
 * or joiner beyond ASCII is involved). Mirrors TOKEN_RE: letters joined by ' ’ or -, digits joined by . , : / -, and
 * any other character alone.
 */
function asciiTokenEnd(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) {
    let j = i + 1;
    for (;;) {
      while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
      if (j >= n) return j;
      const d = text.charCodeAt(j);
      // The curly apostrophe of "don’t" joins like the straight one; any other character beyond ASCII may be a letter.
      if (d >= 0x80 && d !== 0x2019) return -1;
      if ((d !== 39 && d !== 45 && d !== 0x2019) || j + 1 >= n) return j;
      const e = text.charCodeAt(j + 1);
      if (e >= 0x80) return -1;
      if (!isAsciiLetter(e)) return j;
      j += 2;
    }
  }
  if (isDigit(c)) {
    let j = i + 1;
    for (;;) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j >= n) return j;
      const d = text.charCodeAt(j);
      if (d >= 0x80) return -1;
      if ((d !== 46 && d !== 44 && d !== 58 && d !== 47 && d !== 45) || j + 1 >= n) return j;
      const e = text.charCodeAt(j + 1);
      if (e >= 0x80) return -1;
      if (!isDigit(e)) return j;
      j += 2;
    }
  }
  return i + 1;
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** `/\s/` for one UTF-16 code unit, without a regex call. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether text[from, to) holds a newline, without slicing (gaps between tokens are short but many). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** A span covering tokens [from, to] inclusive. */
export function tokenSpan(t: Tokenized, from: number, to: number): Span {
  const a = t.tokens[from];
  const b = t.tokens[to];
  if (!a || !b) return spanOf(t.text, 0, 0);
  return spanOf(t.text, a.start, b.end);
}

export function sentenceSpan(t: Tokenized, index: number): Span {
  const s = t.sentences[index];
  return s ? spanOf(t.text, s.start, s.end) : spanOf(t.text, 0, 0);
}
