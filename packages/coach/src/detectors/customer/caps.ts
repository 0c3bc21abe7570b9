/** @module Shouting in capitals: ALL-CAPS words and runs, not acronyms like "UPS" or "ID". */
import { ACRONYMS, SHOUTED_SHORT_WORDS } from "../../lexicons/customer-cues.js";
import { spanOf } from "../../text/tokenize.js";
import { type CustomerToken, wordFlag } from "./customer-text.js";
import { type CustomerInput, type EmotionHit, NO_HITS } from "./detector.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

const UPPER = /^[\p{Lu}'’-]+$/u;

/** Written in capitals: a fact of the spelling, so it is tested once per spelling. */
const CAPS = wordFlag((s) => {
  // A lower-case ASCII first or second letter settles it without the regexes ("the", "The").
  const first = s.text.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return false;
  const second = s.text.charCodeAt(1);
  if (second >= 0x61 && second <= 0x7a) return false;
  return s.kind === "word" && s.text.length >= 2 && UPPER.test(s.text) && TWO_CAPITALS.test(s.text);
});

function isCapsWord(w: CustomerToken): boolean {
  return (w.flags & CAPS) !== 0 && !w.hashtag;
}

/** A caps word shouts when it is long, a common short word, or part of a run of caps words — never a known acronym. */
export function detectCaps(input: CustomerInput): readonly EmotionHit[] {
  const { words } = input.text;
  const text = input.text.t.text;
  if ((input.text.flags & CAPS) === 0) return NO_HITS;
  const hits: EmotionHit[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isCapsWord(words[i] as CustomerToken)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length && isCapsWord(words[j + 1] as CustomerToken)) j++;
    const run = words.slice(i, j + 1).filter((w) => !ACRONYMS.has(w.text.toUpperCase()));
    const shouted = run.filter(
      (w) => w.text.length >= 4 || SHOUTED_SHORT_WORDS.has(w.text) || run.length >= 2,
    );
    if (shouted.length > 0) {
      const first = shouted[0] as CustomerToken;
      const last = shouted[shouted.length - 1] as CustomerToken;
      const weight = Math.min(0.9, 0.35 + 0.15 * (shouted.length - 1));
      hits.push({
        kind: "caps",
        span: spanOf(text, first.start, last.end),
        sentence: first.sentence,
        emotions: { anger: weight * 0.6, annoyance: weight * 0.4 },
        weight,
      });
    }
    i = j + 1;
  }
  return hits;
}
