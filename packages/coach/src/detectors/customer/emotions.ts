/** @module Folds emotional evidence into 0–1 emotion scores, discounting praise that is sarcastic or undone by "but". */
import { EMOTIONS, type Emotion } from "../../types.js";
import type { EmotionHit } from "./detector.js";

export interface EmotionDiscounts {
  /** Sentences read as sarcastic: their gratitude and relief do not count. */
  sarcastic: ReadonlySet<number>;
  /** Character ranges before a "but" that a complaint follows. */
  contrasted: ReadonlyArray<readonly [number, number]>;
}

const CALM: ReadonlySet<Emotion> = new Set(["gratitude", "relief"]);

/** Whether pos falls in one of the ranges (sorted, non-overlapping: one per "but"), by binary search. */
function inRanges(pos: number, ranges: EmotionDiscounts["contrasted"]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid] as readonly [number, number];
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Per-hit factor for calm emotions (1 = kept). */
export function calmFactor(hit: EmotionHit, d: EmotionDiscounts): number {
  if (d.sarcastic.has(hit.sentence)) return 0.15;
  if (inRanges(hit.span.start, d.contrasted)) return 0.3;
  return 1;
}

export function foldEmotions(hits: readonly EmotionHit[], d: EmotionDiscounts): Record<Emotion, number> {
  const sums = {
    anger: 0,
    annoyance: 0,
    disappointment: 0,
    frustration: 0,
    confusion: 0,
    fear: 0,
    sadness: 0,
    gratitude: 0,
    relief: 0,
  } as Record<Emotion, number>;
  for (const h of hits) {
    const emotions = h.emotions;
    let calm = -1;
    // for…in walks the keys in the order Object.entries would, without building the pairs.
    for (const key in emotions) {
      const e = key as Emotion;
      if (CALM.has(e)) {
        if (calm < 0) calm = calmFactor(h, d);
        sums[e] += calm * (emotions[e] as number);
      } else sums[e] += emotions[e] as number;
    }
  }
  const out = {} as Record<Emotion, number>;
  for (const e of EMOTIONS) out[e] = Math.round(1000 * (1 - Math.exp(-1.2 * sums[e]))) / 1000;
  return out;
}

/** How calm the message reads (gratitude and relief that survive the discounts), 0–1+. */
export function calmEvidence(hits: readonly EmotionHit[], d: EmotionDiscounts): number {
  let calm = 0;
  for (const h of hits) calm += calmFactor(h, d) * ((h.emotions.gratitude ?? 0) + (h.emotions.relief ?? 0));
  return calm;
}
