/** @module Contrast ("thanks, but…"): what follows "but" dominates, so praise before it is discounted. */
import { CONTRAST_WORDS } from "../../lexicons/customer-expressive.js";
import { spanOf } from "../../text/tokenize.js";
import type { CustomerToken } from "./customer-text.js";
import type { CustomerInput, EmotionHit } from "./detector.js";

export interface Contrast {
  /** The contrast signal, when calm words before "but" meet a complaint after it. */
  hits: EmotionHit[];
  /** Character ranges [sentence start, "but") whose calm evidence should be discounted. */
  discounted: Array<[number, number]>;
}

const CALM = new Set(["gratitude", "relief"]);

function isCalm(h: EmotionHit): boolean {
  const keys = Object.keys(h.emotions);
  return keys.length > 0 && keys.every((k) => CALM.has(k));
}

export function detectContrast(input: CustomerInput, evidence: readonly EmotionHit[]): Contrast {
  const { words } = input.text;
  const text = input.text.t.text;
  const out: Contrast = { hits: [], discounted: [] };
  const bySentence = new Map<number, EmotionHit[]>();
  for (const h of evidence) {
    const list = bySentence.get(h.sentence);
    if (list) list.push(h);
    else bySentence.set(h.sentence, [h]);
  }
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as CustomerToken;
    if (!CONTRAST_WORDS.has(w.norm)) continue;
    const sentence = input.text.t.sentences[w.sentence];
    if (!sentence) continue;
    const here = bySentence.get(w.sentence) ?? [];
    const before = here.filter((h) => h.span.end <= w.start);
    // The complaint after "but" may run on into the next sentence.
    const after = [...here, ...(bySentence.get(w.sentence + 1) ?? [])].filter(
      (h) => h.span.start >= w.end && !isCalm(h),
    );
    if (!before.some(isCalm)) continue;
    out.discounted.push([sentence.start, w.start]);
    if (after.length > 0) {
      out.hits.push({
        kind: "contrast",
        span: spanOf(text, sentence.start, w.end),
        sentence: w.sentence,
        emotions: { disappointment: 0.4, annoyance: 0.2 },
        weight: 0.3,
      });
    }
  }
  return out;
}
