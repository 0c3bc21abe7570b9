/** @module Folds emotional evidence into 0–1 emotion scores, discounting praise that is sarcastic or undone by "but". */
import type { Emotion } from "../../types.js";
import type { EmotionHit } from "./detector.js";

export interface EmotionDiscounts {
  /** Sentences read as sarcastic: their gratitude and relief do not count. */
  sarcastic: ReadonlySet<number>;
  /** Character ranges before a "but" that a complaint follows. */
  contrasted: ReadonlyArray<readonly [number, number]>;
}

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
  // Plain locals, not a record written by computed key: keyed stores cost more than the adding they do.
  let anger = 0;
  let annoyance = 0;
  let disappointment = 0;
  let frustration = 0;
  let confusion = 0;
  let fear = 0;
  let sadness = 0;
  let gratitude = 0;
  let relief = 0;
  for (const h of hits) {
    const emotions = h.emotions;
    let calm = -1;
    // for…in walks the keys in the order Object.entries would, without building the pairs.
    for (const key in emotions) {
      const v = emotions[key as Emotion] as number;
      switch (key) {
        case "anger":
          anger += v;
          break;
        case "annoyance":
          annoyance += v;
          break;
        case "disappointment":
          disappointment += v;
          break;
        case "frustration":
          frustration += v;
          break;
        case "confusion":
          confusion += v;
          break;
        case "fear":
          fear += v;
          break;
        case "sadness":
          sadness += v;
          break;
        case "gratitude":
          if (calm < 0) calm = calmFactor(h, d);
          gratitude += calm * v;
          break;
        case "relief":
          if (calm < 0) calm = calmFactor(h, d);
          relief += calm * v;
          break;
      }
    }
  }
  // One literal in EMOTIONS order (the order callers see the keys in): stores by a computed key into a fresh object
  // were measured to cost more than the whole fold.
  return {
    anger: level(anger),
    annoyance: level(annoyance),
    disappointment: level(disappointment),
    frustration: level(frustration),
    confusion: level(confusion),
    fear: level(fear),
    sadness: level(sadness),
    gratitude: level(gratitude),
    relief: level(relief),
  };
}

function level(sum: number): number {
  return Math.round(1000 * (1 - Math.exp(-1.2 * sum))) / 1000;
}

/** How calm the message reads (gratitude and relief that survive the discounts), 0–1+. */
export function calmEvidence(hits: readonly EmotionHit[], d: EmotionDiscounts): number {
  let calm = 0;
  for (const h of hits) {
    const g = (h.emotions.gratitude ?? 0) + (h.emotions.relief ?? 0);
    // Most hits carry neither, and a discount of nothing adds nothing: the discount is looked up only when needed.
    if (g !== 0) calm += calmFactor(h, d) * g;
  }
  return calm;
}
