/** @module How much of a reply's content is about what the customer actually wrote (crude stems, no stopwords). */
import type { Tokenized } from "../../../text/tokenize.js";
import { memoByIdentity } from "./memo.js";
import { wordsOf } from "./words.js";

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

function stem(w: string): string {
  return w.length > 5 ? w.slice(0, 5) : w;
}

function buildContentStems(t: Tokenized): Set<string> {
  const urlRanges: [number, number][] = [];
  for (const m of t.text.matchAll(URL_RE)) urlRanges.push([m.index, m.index + m[0].length]);
  const inUrl = (pos: number) => urlRanges.some(([a, b]) => pos >= a && pos < b);
  const out = new Set<string>();
  for (const word of wordsOf(t)) {
    const tok = t.tokens[word.tok];
    if (tok?.kind !== "word" || word.w.length < 3 || STOPWORDS.has(word.w)) continue;
    const prev = t.tokens[word.tok - 1];
    if (prev && prev.end === tok.start && (prev.text === "^" || prev.text === "*")) continue;
    if (urlRanges.length > 0 && inUrl(tok.start)) continue;
    out.add(stem(word.w));
  }
  return out;
}

/** Content stems of a text: no stopwords, numbers, URLs, @handles or ^sign-offs. */
export const contentStems: (t: Tokenized) => Set<string> = memoByIdentity(buildContentStems);

/** Share of the reply's content stems that the customer also used; null without a customer message. */
export function replyOverlap(
  reply: Tokenized,
  customer: Tokenized | null,
): { ratio: number; size: number } | null {
  const r = contentStems(reply);
  if (!customer) return null;
  const c = contentStems(customer);
  let shared = 0;
  for (const s of r) if (c.has(s)) shared++;
  return { ratio: r.size === 0 ? 0 : shared / r.size, size: r.size };
}
