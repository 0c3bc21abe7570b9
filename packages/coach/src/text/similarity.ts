/** @module Content-word overlap between two texts (stems, bigrams, problem synonyms), for reply-vs-complaint checks. */
import { FirstSeen } from "./first-seen.js";
import { memoByIdentity } from "./memo.js";
import { stem } from "./stem.js";
import { STOPWORDS, SUPPORT_GENERIC } from "./stopwords.js";
import type { Tokenized } from "./tokenize.js";

// Surface words customers and agents use for the same problem; each maps to one concept so "late" meets "delayed".
const CONCEPTS: ReadonlyArray<readonly [string, string]> = [
  ["~delay", "late delayed delay waiting wait slow overdue still yet hours weeks ages long"],
  [
    "~broken",
    "broken break faulty defective damaged cracked working stopped crashes failed error bug glitch frozen outage down",
  ],
  [
    "~money",
    "refund money charged bill billing paid payment fee overcharged price cost credit debit balance",
  ],
  [
    "~delivery",
    "delivery delivered parcel package shipment shipped courier arrived tracking dispatched order item bag luggage",
  ],
  ["~cancel", "cancel cancelled cancellation terminated closed"],
  ["~wrong", "wrong incorrect mistake missing lost"],
  ["~access", "login log password locked access sign verification code"],
  ["~connect", "connection signal network internet wifi service data cable coverage"],
  ["~travel", "train flight bus trip journey seat booking connection platform"],
];

const CONCEPT_OF = new Map<string, string>();
for (const [key, words] of CONCEPTS) {
  for (const w of words.split(" ")) {
    const s = stem(w);
    if (!CONCEPT_OF.has(s)) CONCEPT_OF.set(s, key);
  }
}

export function conceptOf(stemmed: string): string | undefined {
  return CONCEPT_OF.get(stemmed);
}

export function isContentWord(norm: string): boolean {
  const first = norm.charCodeAt(0);
  return norm.length > 1 && !STOPWORDS.has(norm) && first !== 64 && !(first >= 48 && first <= 57);
}

export interface ContentProfile {
  /** Stems of content words (generic support words excluded). */
  stems: Set<string>;
  /** Concept keys the text touches. */
  concepts: Set<string>;
  /** Adjacent content-stem pairs, "a b". */
  bigrams: Set<string>;
}

/** The profile of a whole tokenized text, computed once per text (several detectors compare against the customer). */
export const profileOf: (t: Tokenized) => ContentProfile = memoByIdentity((t: Tokenized) =>
  contentProfile(t),
);

/** Detectors read at most this many sentences of a reply: a pasted essay is not coached line by line. */
export const MAX_PROFILED_SENTENCES = 40;

/** Builds the content profile of tokens [from, to) of a tokenized text. */
export function contentProfile(t: Tokenized, from = 0, to = t.tokens.length): ContentProfile {
  return { ...stemsAndConceptsOf(t, from, to), bigrams: bigramsOf(t, from, to) };
}

/** The distinct content stems of tokens [from, to), and the problem concepts they name. */
function stemsAndConceptsOf(
  t: Tokenized,
  from = 0,
  to = t.tokens.length,
): { stems: Set<string>; concepts: Set<string> } {
  const stems = new Set<string>();
  const concepts = new Set<string>();
  for (let i = from; i < to; i++) {
    const s = contentStemAt(t, i);
    if (!s) continue;
    stems.add(s);
    const c = conceptOf(s);
    if (c) concepts.add(c);
  }
  return { stems, concepts };
}

/** The adjacent content-stem pairs of tokens [from, to) (a generic word or punctuation breaks a pair). */
function bigramsOf(t: Tokenized, from = 0, to = t.tokens.length): Set<string> {
  const bigrams = new Set<string>();
  let prev = "";
  for (let i = from; i < to; i++) {
    const s = contentStemAt(t, i);
    if (s === null) continue;
    if (prev && s) bigrams.add(`${prev} ${s}`);
    prev = s;
  }
  return bigrams;
}

/** The customer's side of `sentenceOverlaps`: its stems and concepts, and its bigrams only once a reply needs them. */
interface CustomerContent {
  stems: Set<string>;
  concepts: Set<string>;
  /** Built on first need: a bigram is only looked up when both its stems are the customer's. */
  bigrams: Set<string> | null;
  text: Tokenized;
}

const customerContentOf: (t: Tokenized) => CustomerContent = memoByIdentity((t: Tokenized) => ({
  ...stemsAndConceptsOf(t),
  bigrams: null,
  text: t,
}));

function customerHasBigram(theirs: CustomerContent, bigram: string): boolean {
  theirs.bigrams ??= bigramsOf(theirs.text);
  return theirs.bigrams.has(bigram);
}

/** How one reply sentence's content meets the customer's: the counts the detectors weigh. */
export interface SentenceOverlap {
  /** Distinct content stems of the sentence. */
  stems: number;
  /** Of those, the ones the customer used too. */
  shared: number;
  sharedConcepts: number;
  sharedBigrams: number;
}

let lastReply: Tokenized | null = null;
let lastCustomer: Tokenized | null = null;
let lastOverlaps: SentenceOverlap[] = [];

/** The distinct stems of the sentence being read. */
const seenInSentence = new FirstSeen();

/**
 * `overlap(contentProfile(sentence), profileOf(customer))` reduced to counts, for each of the reply's first
 * MAX_PROFILED_SENTENCES sentences. Computed once per reply and customer (acknowledges, empathy and paraphrase all
 * ask) in one pass that builds no sets per sentence: a bigram can only be shared when both its stems are the customer's.
 */
export function sentenceOverlaps(reply: Tokenized, customer: Tokenized): readonly SentenceOverlap[] {
  if (reply === lastReply && customer === lastCustomer) return lastOverlaps;
  const theirs = customerContentOf(customer);
  const out: SentenceOverlap[] = [];
  const count = Math.min(reply.sentences.length, MAX_PROFILED_SENTENCES);
  for (let si = 0; si < count; si++) {
    const sentence = reply.sentences[si];
    if (!sentence) break;
    const o: SentenceOverlap = { stems: 0, shared: 0, sharedConcepts: 0, sharedBigrams: 0 };
    seenInSentence.clear();
    // Concept keys all start with "~" and none is a prefix of another, so a joined string is a fine small set.
    let conceptsSeen = "";
    let bigramsSeen: string[] | null = null;
    let prev = "";
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const s = contentStemAt(reply, i);
      if (s === null) continue;
      if (s === "") {
        prev = "";
        continue;
      }
      if (seenInSentence.first(s)) {
        o.stems++;
        if (theirs.stems.has(s)) o.shared++;
        const c = conceptOf(s);
        if (c && !conceptsSeen.includes(c) && theirs.concepts.has(c)) {
          conceptsSeen += c;
          o.sharedConcepts++;
        }
      }
      if (prev && theirs.stems.has(prev) && theirs.stems.has(s)) {
        const bigram = `${prev} ${s}`;
        if (customerHasBigram(theirs, bigram) && !bigramsSeen?.includes(bigram)) {
          bigramsSeen ??= [];
          bigramsSeen.push(bigram);
          o.sharedBigrams++;
        }
      }
      prev = s;
    }
    out.push(o);
  }
  lastReply = reply;
  lastCustomer = customer;
  lastOverlaps = out;
  return out;
}

/**
 * The content stem of token i, as `contentProfile` reads it: null for a token it skips, "" for one that breaks a
 * bigram (punctuation, generic support words).
 */
function contentStemAt(t: Tokenized, i: number): string | null {
  const tok = t.tokens[i];
  if (!tok) return null;
  if (tok.kind === "word") {
    // What the word alone decides (stopword, stem, generic) is looked up once per spelling, not per occurrence.
    const s = wordContentStem(tok.norm);
    return s === null || isHandleOrLink(t, i) ? null : s;
  }
  const isFigure = tok.kind === "number" && tok.norm.length >= 2;
  if (!isFigure || isHandleOrLink(t, i)) return tok.kind === "punct" ? "" : null;
  return SUPPORT_GENERIC.has(tok.norm) ? "" : tok.norm;
}

// Content word → its content stem ("" for a generic support word). Kept across calls (vocabulary repeats), cleared
// past the cap so a stream of unique garbage cannot grow it without limit.
const WORD_STEMS = new Map<string, string>();
const WORD_STEMS_LIMIT = 20_000;

/** For a word token: null when it is no content word, "" for a generic support word, else its stem. */
function wordContentStem(norm: string): string | null {
  // Stopwords, half of any text, are settled by the small set before the large table is consulted.
  if (!isContentWord(norm)) return null;
  const known = WORD_STEMS.get(norm);
  if (known !== undefined) return known;
  const s = stem(norm);
  const content = SUPPORT_GENERIC.has(s) || SUPPORT_GENERIC.has(norm) ? "" : s;
  if (WORD_STEMS.size >= WORD_STEMS_LIMIT) WORD_STEMS.clear();
  WORD_STEMS.set(norm, content);
  return content;
}

/** A word token glued to "@" or inside a URL is a handle or link fragment, not content. */
function isHandleOrLink(t: Tokenized, i: number): boolean {
  const tok = t.tokens[i];
  if (!tok) return false;
  const before = t.text[tok.start - 1];
  if (before === "@" || before === "/" || before === "." || before === "#") return true;
  const text = t.text;
  const end = tok.end;
  // "example.com" is a link; "jacket." at the end of a sentence is not.
  if (text.startsWith("://", end)) return true;
  return text.charCodeAt(end) === 46 && /^\p{L}/u.test(text.slice(end + 1, end + 3));
}

export interface Overlap {
  /** Shared content stems. */
  shared: string[];
  /** Shared concept keys (synonym-level agreement). */
  sharedConcepts: string[];
  sharedBigrams: number;
  /** Share of `a`'s content stems found in `b` (0–1). */
  coverage: number;
}

export function overlap(a: ContentProfile, b: ContentProfile): Overlap {
  const shared: string[] = [];
  for (const s of a.stems) if (b.stems.has(s)) shared.push(s);
  const sharedConcepts: string[] = [];
  for (const c of a.concepts) if (b.concepts.has(c)) sharedConcepts.push(c);
  let sharedBigrams = 0;
  for (const g of a.bigrams) if (b.bigrams.has(g)) sharedBigrams++;
  return { shared, sharedConcepts, sharedBigrams, coverage: a.stems.size ? shared.length / a.stems.size : 0 };
}

const NGRAM = 5;
const wordNgrams: (t: Tokenized) => Set<string> = memoByIdentity(wordNgramsUncached);

function wordNgramsUncached(t: Tokenized): Set<string> {
  const words = t.tokens.filter((x) => x.kind === "word" || x.kind === "number").map((x) => x.norm);
  const out = new Set<string>();
  for (let i = 0; i + NGRAM <= words.length; i++) out.add(words.slice(i, i + NGRAM).join(" "));
  return out;
}

/** Share (0–1) of the 5-word runs in tokens [from, to) of `a` that appear verbatim in `b`: a copy, not a restatement. */
export function verbatimShare(a: Tokenized, from: number, to: number, b: Tokenized): number {
  const source = wordNgrams(b);
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const tok = a.tokens[i];
    if (tok && (tok.kind === "word" || tok.kind === "number")) words.push(tok.norm);
  }
  let total = 0;
  let copied = 0;
  for (let i = 0; i + NGRAM <= words.length; i++) {
    total++;
    if (source.has(words.slice(i, i + NGRAM).join(" "))) copied++;
  }
  return total ? copied / total : 0;
}
