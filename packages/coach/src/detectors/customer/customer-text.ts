/** @module The customer message as the detectors read it: tokens with stems, minus tags, links and quoted lines. */
import { NEGATORS, SLANG } from "../../lexicons/customer-cues.js";
import type { Spelling } from "../../text/spellings.js";
import { isSpace, type Token, type Tokenized, tokenizeWith } from "../../text/tokenize.js";

/** What the detectors work out about one written form of a word on first need, shared by every token so spelled. */
export interface WordInfo {
  /** Profanity verdict, filled in by the profanity detector on first need (`undefined` = not yet read). */
  profanity: "strong" | "mild" | null | undefined;
  /** The phrases of each shared lexicon that start with this stem, by lexicon id (see phrase-matcher.ts). */
  heads: unknown[];
}

export interface CustomerToken extends Token {
  /** The shared spelling (the same object for every token written the same way). */
  spelling: Spelling;
  /** Bits of the registered word tests this token's spelling passes (see `wordFlag`). */
  flags: number;
  /** Index in `Tokenized.tokens`. */
  index: number;
  /** Lemma-ish form: slang expanded, elongation and -s/-ed/-ing/-e stripped. */
  stem: string;
  /** Inside an HTML tag, a link, an entity, an e-mail address or a line quoted from the agent. */
  ignored: boolean;
  /** Inside "double quotes": someone else's words, read with less weight. */
  quoted: boolean;
  /** Part of an @handle. */
  handle: boolean;
  /** The word of a #hashtag. */
  hashtag: boolean;
}

export interface CustomerText {
  t: Tokenized;
  tokens: CustomerToken[];
  /** Word and number tokens that are read (not ignored, not handles), in order: what phrase lexicons match. */
  words: CustomerToken[];
  /** The `wordFlag` bits of all tokens, ignored ones included: a detector whose bits are all clear has nothing to read. */
  flags: number;
}

/** A fact about one spelling that a detector looks for; `stem` is the spelling's stem. */
export type WordTest = (spelling: Spelling, stem: string) => boolean;

// Detectors register their tests at load; each spelling runs them once, so a message's tokens tell in one OR which
// detectors have anything to read. Registering again bumps the version, so older spellings are re-tested.
const WORD_TESTS: WordTest[] = [];
let testsVersion = 0;

/** Registers a word test and returns its bit in `WordInfo.flags` and `CustomerText.flags`. */
export function wordFlag(test: WordTest): number {
  if (WORD_TESTS.length >= 31) throw new Error("no word flag bits left");
  WORD_TESTS.push(test);
  testsVersion++;
  return 1 << (WORD_TESTS.length - 1);
}

/** Flags several detectors read: a number token, and the "#" that opens a hashtag. */
export const NUMBER_FLAG = wordFlag((s) => s.kind === "number");
export const HASH_FLAG = wordFlag((s) => s.text === "#");

/** The spelling's test bits, worked out again only after a new test was registered. */
export function flagsOf(spelling: Spelling): number {
  if (spelling.flagsVersion === testsVersion) return spelling.flags;
  const stemmed = stemOf(spelling);
  let flags = 0;
  for (let b = 0; b < WORD_TESTS.length; b++)
    if ((WORD_TESTS[b] as WordTest)(spelling, stemmed)) flags |= 1 << b;
  spelling.flags = flags;
  spelling.flagsVersion = testsVersion;
  return flags;
}

/** The spelling's stem (its norm for punctuation, symbols and emoji), worked out on first need. */
function stemOf(spelling: Spelling): string {
  const known = spelling.stem;
  if (known !== null) return known;
  const { norm, kind } = spelling;
  const stemmed = kind === "word" || kind === "number" ? stem(norm) : norm;
  spelling.stem = stemmed;
  return stemmed;
}

/** The shared facts of the token's spelling, made on first need: most words never need them. */
export function wordInfo(tok: CustomerToken): WordInfo {
  const known = tok.spelling.attached as WordInfo | undefined;
  if (known !== undefined) return known;
  const info: WordInfo = { profanity: undefined, heads: [] };
  tok.spelling.attached = info;
  return info;
}

const ELONGATION = /(\p{L})\1{2,}/gu;
// A Map, not the lexicon object: "constructor" or "toString" must not find Object.prototype members.
const SLANG_OF = new Map(Object.entries(SLANG));

// Stems and squashed forms are pure functions of the word, and a message repeats the words of the last ones: keep
// them. Bounded, so a long paste of unique garbage cannot grow memory without limit.
const CACHE_LIMIT = 20_000;
const STEMS = new Map<string, string>();
const SQUASHED = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Lemma-ish normalisation shared by the text and the lexicons, so both sides meet. */
export function stem(word: string): string {
  return STEMS.get(word) ?? remember(STEMS, word, stemUncached(word));
}

function stemUncached(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 3) w = w.replace(ELONGATION, "$1$1");
  w = SLANG_OF.get(w) ?? w;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ied")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Letters with runs collapsed to one ("fuuuck" → "fuck", "asshole" → "ashole"): for profanity matching only. */
export function squash(word: string): string {
  return SQUASHED.get(word) ?? remember(SQUASHED, word, squashUncached(word));
}

function squashUncached(word: string): string {
  let out = "";
  // The last code unit is kept aside: indexing the growing string would flatten it on every character.
  let last: string | undefined;
  for (const ch of word.toLowerCase()) {
    if (ch === last) continue;
    out += ch;
    last = ch[ch.length - 1];
  }
  return out;
}

export function isNegator(tok: Pick<Token, "norm">): boolean {
  const n = tok.norm;
  return (
    NEGATORS.has(n) || n.endsWith("n't") || n === "dont" || n === "cant" || n === "didnt" || n === "doesnt"
  );
}

const QUOTED_LINE = /^\s*(?:>|\[(?:earlier )?agent\]|agent:|support:|rep:)/i;
const ENTITY_NAMES = new Set(["amp", "lt", "gt", "quot", "nbsp", "apos"]);

/** Character ranges to ignore: HTML tags, links and lines quoted from the agent or an earlier e-mail. */
function ignoredRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  let lower: string | null = null;
  let unclosed: Set<string> | null = null;
  // Tags: "<" + letter, "/" or "!" up to the next ">". Once no ">" is left, stop looking (keeps this linear).
  for (;;) {
    const open = text.indexOf("<", cursor);
    if (open < 0) break;
    const next = text[open + 1] ?? "";
    if (!/[A-Za-z/!]/.test(next)) {
      cursor = open + 1;
      continue;
    }
    const close = text.indexOf(">", open);
    if (close < 0) break;
    // Script and style bodies are code, not words: skip to their closing tag.
    const name = /^<(script|style)\b/i.exec(text.slice(open, open + 8))?.[1]?.toLowerCase();
    if (name && lower === null) lower = text.toLowerCase();
    // Once a closing tag is known to be missing, never search for it again (keeps this linear).
    const end = name && lower !== null && !unclosed?.has(name) ? lower.indexOf(`</${name}`, close) : -1;
    if (name && end < 0) {
      unclosed ??= new Set<string>();
      unclosed.add(name);
    }
    const endClose = end < 0 ? -1 : text.indexOf(">", end);
    const last = endClose < 0 ? close : endClose;
    ranges.push([open, last + 1]);
    cursor = last + 1;
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (
      mayOpenQuote(text, lineStart, lineEnd) &&
      QUOTED_LINE.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 40)))
    )
      ranges.push([lineStart, lineEnd]);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return ranges;
}

/** Whether the line's first non-blank character could open a QUOTED_LINE marker: spares most lines the slice. */
function mayOpenQuote(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    // A blank beyond ASCII may come first: the regex decides.
    if (c >= 0x80) return true;
    const lower = c | 0x20;
    return c === 0x3e || c === 0x5b || lower === 0x61 || lower === 0x73 || lower === 0x72;
  }
  return false;
}

const LINK_HEADS = new Set(["http", "https", "www"]);
const QUOTE_CHARS = new Set(['"', "“", "”"]);

function customerToken(
  spelling: Spelling,
  start: number,
  end: number,
  sentence: number,
  index: number,
): CustomerToken {
  return {
    text: spelling.text,
    norm: spelling.norm,
    start,
    end,
    kind: spelling.kind,
    sentence,
    index,
    stem: stemOf(spelling),
    flags: flagsOf(spelling),
    ignored: false,
    quoted: false,
    handle: false,
    hashtag: false,
    spelling,
  };
}

/** Tokens that can go on a handle, hashtag or e-mail address. */
const NAME_PART = wordFlag((s) => mayContinueName(s.text));
const LINK_HEAD = wordFlag((s) => LINK_HEADS.has(s.norm));
/** Tokens that can start a handle, a hashtag, an e-mail, an entity or an "[earlier …]" marker. */
const MARKER = wordFlag((s) => s.text === "@" || s.text === "#" || s.text === "&" || s.text === "[");
const QUOTE = wordFlag((s) => s.text.length === 1 && QUOTE_CHARS.has(s.text));
/** The "[" that opens an "[earlier …]" marker: few messages hold one, so the others skip looking for the marker. */
const OPEN_BRACKET = wordFlag((s) => s.text === "[");

export function readCustomerText(input: string): CustomerText {
  const t = tokenizeWith(input, customerToken);
  const tokens = t.tokens;
  let flags = 0;
  for (const k of tokens) flags |= k.flags;
  markRanges(tokens, ignoredRanges(t.text));
  if ((flags & (LINK_HEAD | MARKER)) !== 0) markLinksHandlesEntities(t.text, tokens);
  if ((flags & OPEN_BRACKET) !== 0) markEarlierMarkers(tokens);
  if ((flags & QUOTE) !== 0) markQuotes(tokens, t.text);
  const words: CustomerToken[] = [];
  for (const k of tokens)
    if (!k.ignored && !k.handle && (k.kind === "word" || k.kind === "number")) words.push(k);
  return { t, tokens, words, flags };
}

function markRanges(tokens: CustomerToken[], ranges: Array<[number, number]>): void {
  if (ranges.length === 0) return;
  ranges.sort((a, b) => a[0] - b[0]);
  let r = 0;
  for (const tok of tokens) {
    while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= tok.start) r++;
    const range = ranges[r];
    if (range && range[0] <= tok.start && tok.end <= range[1]) tok.ignored = true;
  }
}

function adjacent(a: CustomerToken | undefined, b: CustomerToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Where the run of non-blank characters from `from` ends. */
function nextSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

const NAME_START = /^[\p{L}\p{N}_.]/u;

/** Whether a token can go on a handle, hashtag or e-mail: it starts with a letter, digit, "_" or ".". */
function mayContinueName(token: string): boolean {
  const c = token.charCodeAt(0);
  // ASCII settles it without the regex.
  if (c < 0x80) {
    const lower = c | 0x20;
    return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46;
  }
  return NAME_START.test(token);
}

function markLinksHandlesEntities(text: string, tokens: CustomerToken[]): void {
  let linkEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if (tok.start < linkEnd) {
      tok.ignored = true;
      continue;
    }
    if ((tok.flags & (LINK_HEAD | MARKER)) === 0) continue;
    if (
      (tok.flags & LINK_HEAD) !== 0 &&
      (text.charCodeAt(tok.end) === 46 || text.startsWith("://", tok.end))
    ) {
      linkEnd = nextSpace(text, tok.end);
      tok.ignored = true;
      continue;
    }
    if (tok.text === "@" || tok.text === "#") {
      const prev = tokens[i - 1];
      const isEmail = tok.text === "@" && adjacent(prev, tok) && prev?.kind !== "punct";
      let j = i + 1;
      while (
        j < tokens.length &&
        adjacent(tokens[j - 1], tokens[j]) &&
        ((tokens[j] as CustomerToken).flags & NAME_PART) !== 0
      ) {
        const part = tokens[j] as CustomerToken;
        // The length first: comparing the text reaches the token's string, a load of its own.
        if (part.end - part.start === 1 && part.text === "." && !isEmail) break;
        if (isEmail) part.ignored = true;
        else if (tok.text === "@") part.handle = true;
        else part.hashtag = true;
        j++;
      }
      if (isEmail) {
        for (
          let k = i - 1;
          k >= 0 && adjacent(tokens[k], tokens[k + 1]) && tokens[k]?.kind !== "punct";
          k--
        ) {
          (tokens[k] as CustomerToken).ignored = true;
        }
        tok.ignored = true;
      }
      continue;
    }
    if (tok.text === "&" && ENTITY_NAMES.has(tokens[i + 1]?.norm ?? "") && adjacent(tok, tokens[i + 1])) {
      tok.ignored = true;
      (tokens[i + 1] as CustomerToken).ignored = true;
      if (tokens[i + 2]?.text === ";") (tokens[i + 2] as CustomerToken).ignored = true;
    }
  }
}

/** "[earlier customer]" markers are layout, not words. */
function markEarlierMarkers(tokens: CustomerToken[]): void {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (
      ((tokens[i] as CustomerToken).flags & OPEN_BRACKET) !== 0 &&
      tokens[i + 1]?.norm === "earlier" &&
      tokens[i + 3]?.text === "]"
    ) {
      for (let k = i; k <= i + 3; k++) (tokens[k] as CustomerToken).ignored = true;
    }
  }
}

/** Tokens between a pair of double quotes on one line are someone else's words. */
function markQuotes(tokens: CustomerToken[], text: string): void {
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if (tok.end - tok.start !== 1 || !QUOTE_CHARS.has(tok.text)) continue;
    if (open < 0 || tok.text === "“") {
      open = i;
      continue;
    }
    const from = tokens[open] as CustomerToken;
    if (!text.slice(from.end, tok.start).includes("\n") && i - open <= 60) {
      for (let k = open + 1; k < i; k++) (tokens[k] as CustomerToken).quoted = true;
    }
    open = -1;
  }
}
