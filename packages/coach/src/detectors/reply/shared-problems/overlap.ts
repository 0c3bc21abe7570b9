/** @module How much of a reply's content is about what the customer actually wrote (crude stems, no stopwords). */
import { FirstSeen } from "../../../text/first-seen.js";
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";
import { type Word, wordsOf } from "./words.js";

const STOPWORDS = new Set(
  (
    "a an the and or but if then so to of in on at by for with from into about as is am are was were be been being " +
    "do does did not no i me my we us our you your he she it its they them their this that these those there here " +
    "have has had will would can could should may might must shall just also very too please pls thanks thank hi " +
    "hello hey dear there what which who whom when where why how all any some more most other such only own same " +
    "than up down out over again further once let know get got help us team sorry apologies would like look into " +
    "happy glad assist assistance support dm message send contact reach link here https http www com co t org html"
  ).split(" "),
);

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const WWW = /www\./i;
const NO_RANGES: readonly number[] = [];

function stem(w: string): string {
  return w.length > 5 ? w.slice(0, 5) : w;
}

/** [start, end) pairs of the URLs in the text, flattened; an exec loop, as matchAll clones the regex per call. */
function urlRanges(text: string): readonly number[] {
  // A link needs "://" or "www.": most texts have neither, and a plain search is cheaper than the pattern.
  if (!text.includes("://") && !WWW.test(text)) return NO_RANGES;
  const out: number[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m !== null; m = URL_RE.exec(text)) out.push(m.index, m.index + m[0].length);
  URL_RE.lastIndex = 0;
  return out;
}

function inUrl(ranges: readonly number[], pos: number): boolean {
  for (let i = 0; i + 1 < ranges.length; i += 2)
    if (pos >= (ranges[i] ?? 0) && pos < (ranges[i + 1] ?? 0)) return true;
  return false;
}

/** The content stem of word `wi` of the text, or null: no stopwords, numbers, URLs, @handles or ^sign-offs. */
function contentStemOf(
  t: Tokenized,
  words: readonly Word[],
  wi: number,
  urls: readonly number[],
): string | null {
  const word = words[wi];
  if (!word) return null;
  const tok = t.tokens[word.tok];
  if (tok?.kind !== "word" || word.w.length < 3 || STOPWORDS.has(word.w)) return null;
  const prev = t.tokens[word.tok - 1];
  if (prev && prev.end === tok.start && (prev.text === "^" || prev.text === "*")) return null;
  if (urls.length > 0 && inUrl(urls, tok.start)) return null;
  return stem(word.w);
}

function buildContentStems(t: Tokenized): Set<string> {
  const out = new Set<string>();
  const words = wordsOf(t);
  const urls = urlRanges(t.text);
  for (let i = 0; i < words.length; i++) {
    const s = contentStemOf(t, words, i, urls);
    if (s !== null) out.add(s);
  }
  return out;
}

/** Content stems of a text: no stopwords, numbers, URLs, @handles or ^sign-offs. */
export const contentStems: (t: Tokenized) => Set<string> = memoByIdentity(buildContentStems);

/** The reply's distinct stems so far. */
const seenInReply = new FirstSeen();

/** Share of the reply's content stems that the customer also used; null without a customer message. */
export function replyOverlap(
  reply: Tokenized,
  customer: Tokenized | null,
): { ratio: number; size: number } | null {
  if (!customer) return null;
  const c = contentStems(customer);
  seenInReply.clear();
  let size = 0;
  let shared = 0;
  const words = wordsOf(reply);
  const urls = urlRanges(reply.text);
  for (let i = 0; i < words.length; i++) {
    const s = contentStemOf(reply, words, i, urls);
    if (s === null || !seenInReply.first(s)) continue;
    size++;
    if (c.has(s)) shared++;
  }
  return { ratio: size === 0 ? 0 : shared / size, size };
}
