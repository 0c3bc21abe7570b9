/** @module Contrast ("thanks, but…"): what follows "but" dominates, so praise before it is discounted. */
import { CONTRAST_WORDS } from "../../lexicons/customer-expressive.js";
import { lowerBound } from "../../text/match.js";
import { spanOf } from "../../text/tokenize.js";
import { wordFlag } from "./customer-text.js";
import type { CustomerInput, EmotionHit } from "./detector.js";

const CONTRAST = wordFlag((s) => CONTRAST_WORDS.has(s.norm));

export interface Contrast {
  /** The contrast signal, when calm words before "but" meet a complaint after it. */
  hits: EmotionHit[];
  /** Character ranges [sentence start, "but") whose calm evidence should be discounted. */
  discounted: Array<[number, number]>;
}

/** What a message without a contrast word gets: shared, so read and never written. */
const NO_CONTRAST: Readonly<Contrast> = { hits: [], discounted: [] };

const CALM = new Set(["gratitude", "relief"]);

function isCalm(h: EmotionHit): boolean {
  const keys = Object.keys(h.emotions);
  return keys.length > 0 && keys.every((k) => CALM.has(k));
}

const itself = (n: number): number => n;

export function detectContrast(input: CustomerInput, evidence: readonly EmotionHit[]): Readonly<Contrast> {
  const { words } = input.text;
  const { sentences } = input.text.t;
  const text = input.text.t.text;
  if ((input.text.flags & CONTRAST) === 0) return NO_CONTRAST;
  const contrasts = words.filter((w, i) => i > 0 && (w.flags & CONTRAST) !== 0);
  // Most messages have no "but": nothing to weigh.
  if (contrasts.length === 0) return NO_CONTRAST;
  const out: Contrast = { hits: [], discounted: [] };
  // Evidence sorted by position with prefix counts, so each "but" is answered in logarithmic time.
  const sorted = [...evidence].sort((a, b) => a.span.start - b.span.start);
  const starts = sorted.map((h) => h.span.start);
  const calmBefore = [0];
  const complaintBefore = [0];
  for (const h of sorted) {
    calmBefore.push((calmBefore[calmBefore.length - 1] as number) + (isCalm(h) ? 1 : 0));
    complaintBefore.push((complaintBefore[complaintBefore.length - 1] as number) + (isCalm(h) ? 0 : 1));
  }
  const countIn = (prefix: readonly number[], from: number, to: number) =>
    (prefix[lowerBound(starts, itself, to)] as number) - (prefix[lowerBound(starts, itself, from)] as number);
  contrasts.forEach((w, k) => {
    const sentence = sentences[w.sentence];
    if (!sentence) return;
    const prev = contrasts[k - 1];
    const next = contrasts[k + 1];
    const segmentStart = prev && prev.sentence === w.sentence ? prev.end : sentence.start;
    // The complaint after "but" may run on into the next sentence, up to the next contrast word.
    const following = sentences[w.sentence + 1]?.end ?? sentence.end;
    const segmentEnd = next && next.start < following ? next.start : following;
    if (countIn(calmBefore, segmentStart, w.start) === 0) return;
    out.discounted.push([segmentStart, w.start]);
    if (countIn(complaintBefore, w.end, segmentEnd) > 0) {
      out.hits.push({
        kind: "contrast",
        span: spanOf(text, segmentStart, w.end),
        sentence: w.sentence,
        emotions: { disappointment: 0.4, annoyance: 0.2 },
        weight: 0.3,
      });
    }
  });
  return out;
}
