/** @module Linear-time tokenizer and sentence splitter with character offsets, shared by every detector. */
import type { Span } from "../types.js";

/** Longest text the detectors read; a longer paste is cut here so analysis stays fast and bounded. */
export const MAX_ANALYZED_CHARS = 20_000;

export type TokenKind = "word" | "number" | "punct" | "emoji" | "symbol";

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

const SENTENCE_END = new Set([".", "!", "?", "…"]);

const ASCII_PUNCT = new Set([..."!?.,;:'\"()[]{}-"]);

function kindOf(tok: string): TokenKind {
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

/** Replaces lone UTF-16 surrogates (from binary garbage) so every later regex sees well-formed text. */
export function sanitize(input: string): string {
  const cut = input.length > MAX_ANALYZED_CHARS ? input.slice(0, MAX_ANALYZED_CHARS) : input;
  return cut.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
}

/** Splits text into tokens and sentences. Sentences end at . ! ? … runs or at a blank/new line. */
export function tokenize(input: string): Tokenized {
  const text = sanitize(typeof input === "string" ? input : String(input ?? ""));
  const tokens: Token[] = [];
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

  // An exec loop rather than matchAll, which clones the regex and wraps every match in an iterator step.
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    // A newline between tokens ends the sentence (chat messages and bullet lists rarely use full stops).
    if (sentenceStart >= 0 && start > lastEnd && hasNewline(text, lastEnd, start)) closeSentence(lastEnd);
    const kind = kindOf(raw);
    if (sentenceStart < 0) {
      sentenceStart = start;
      sentenceTokenStart = tokens.length;
    }
    tokens.push({ text: raw, norm: normalizeWord(raw), start, end, kind, sentence: sentences.length });
    lastEnd = end;
    if (kind === "punct" && SENTENCE_END.has(raw)) {
      // Keep runs like "?!" or "..." inside the sentence they end: close only when the next char is not one of them.
      const next = text[end];
      if (next === undefined || !SENTENCE_END.has(next)) {
        const after = text[end];
        // "3.5" and "e.g." are numbers/abbreviations: only close when followed by space or end of text.
        if (after === undefined || /\s/.test(after)) closeSentence(end);
      }
    }
  }
  closeSentence(lastEnd);
  return { text, tokens, sentences };
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
