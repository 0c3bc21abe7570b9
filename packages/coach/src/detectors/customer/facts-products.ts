/** @module Product names: the desk's own (`context.productNames`) and well-known ones, with model words ("iPhone 12 Pro"). */
import { KNOWN_PRODUCTS } from "../../lexicons/customer-facts.js";
import { spanOf } from "../../text/tokenize.js";
import type { Fact } from "../../types.js";
import type { CustomerToken } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";
import {
  compilePhrases,
  compileSharedPhrases,
  matchPhrases,
  mayMatch,
  type PhraseIndex,
} from "./phrase-matcher.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const MODEL_NUMBER = /^\d{1,4}$/;

const KNOWN = compileSharedPhrases(KNOWN_PRODUCTS.map((p): [string, string | null] => [p, null]));
const MODEL_WORDS = new Set([
  "pro",
  "max",
  "mini",
  "plus",
  "ultra",
  "air",
  "se",
  "xl",
  "lite",
  "slim",
  "s",
  "x",
  "xs",
  "xr",
]);

const NO_NAMES: PhraseIndex<string | null> = new Map();

function extendModel(words: readonly CustomerToken[], to: number): number {
  let k = to;
  while (k + 1 < words.length && k - to < 3) {
    const next = words[k + 1] as CustomerToken;
    if (next.sentence !== (words[to] as CustomerToken).sentence) break;
    if (!(MODEL_WORDS.has(next.norm) || (next.kind === "number" && MODEL_NUMBER.test(next.text)))) break;
    k++;
  }
  return k;
}

export function detectProducts(input: CustomerInput): Fact[] {
  const { words } = input.text;
  const text = input.text.t.text;
  const facts: Fact[] = [];
  const names = input.context.productNames ?? [];
  if (names.length === 0 && !mayMatch(input.text, KNOWN)) return facts;
  const own: PhraseIndex<string | null> =
    names.length === 0
      ? NO_NAMES
      : compilePhrases(
          names
            .filter((n) => n.trim() !== "")
            .slice(0, 500)
            .map((n): [string, string | null] => [n, n]),
        );
  const claimed = new Set<number>();
  for (const [index, extend] of [
    [own, false],
    [KNOWN, true],
  ] as const) {
    for (const m of matchPhrases(words, index)) {
      if (claimed.has(m.from)) continue;
      const to = extend ? extendModel(words, m.to) : m.to;
      const from = words[m.from] as CustomerToken;
      const last = words[to] as CustomerToken;
      for (let k = m.from; k <= to; k++) claimed.add(k);
      const value = text.slice(from.start, last.end);
      facts.push({
        kind: "product",
        value,
        normalized: m.value ?? value.toLowerCase(),
        span: spanOf(text, from.start, last.end),
      });
    }
  }
  return facts;
}
