/** @module Repeated "!" and "?" ("!!!", "?!?!", "!! !"): raised voice in text. */
import { spanOf } from "../../text/tokenize.js";
import { type CustomerToken, wordFlag } from "./customer-text.js";
import { type CustomerInput, type EmotionHit, NO_HITS } from "./detector.js";

const MARK = wordFlag((s) => s.text === "!" || s.text === "?");

export function detectRepeatedPunctuation(input: CustomerInput): readonly EmotionHit[] {
  const { tokens } = input.text;
  const text = input.text.t.text;
  if ((input.text.flags & MARK) === 0) return NO_HITS;
  const hits: EmotionHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as CustomerToken;
    if (tok.ignored || (tok.flags & MARK) === 0) {
      i++;
      continue;
    }
    let j = i;
    // Marks separated by at most one space still belong to the run ("!! !").
    while (
      j + 1 < tokens.length &&
      ((tokens[j + 1] as CustomerToken).flags & MARK) !== 0 &&
      (tokens[j + 1]?.start ?? 0) - (tokens[j]?.end ?? 0) <= 1
    )
      j++;
    const count = j - i + 1;
    if (count >= 2) {
      const run = tokens.slice(i, j + 1);
      const mixed = run.some((k) => k.text === "?") && run.some((k) => k.text === "!");
      const bangs = run.filter((k) => k.text === "!").length;
      const weight = Math.min(0.8, 0.15 + 0.1 * count + (mixed ? 0.15 : 0)) * (bangs === 0 ? 0.6 : 1);
      hits.push({
        kind: "repeated_punctuation",
        span: spanOf(text, tok.start, (tokens[j] as CustomerToken).end),
        sentence: tok.sentence,
        emotions:
          bangs === 0 ? { confusion: 0.3, annoyance: 0.3 } : { annoyance: weight * 0.5, anger: weight * 0.4 },
        weight,
      });
    }
    i = j + 1;
  }
  return hits;
}
