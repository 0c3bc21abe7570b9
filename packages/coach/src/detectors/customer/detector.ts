/** @module What the customer detectors share: their input and the evidence they return. */
import type { EmotionWeights } from "../../lexicons/customer-emotion-terms.js";
import type { AngerSignal, CustomerContext, Span } from "../../types.js";
import type { CustomerText } from "./customer-text.js";

export interface CustomerInput {
  text: CustomerText;
  context: CustomerContext;
}

/** One piece of emotional evidence: where it is, which emotions it carries and how much it adds to anger. */
export interface EmotionHit {
  kind: AngerSignal["kind"];
  span: Span;
  sentence: number;
  emotions: EmotionWeights;
  /** Contribution to the anger score before calibration (0 for calm cues). */
  weight: number;
}

/** What a detector that found nothing returns: shared by every such call, so read and never written. */
export const NO_HITS: readonly EmotionHit[] = [];

/** Anger contribution of a set of emotion weights: anger counts fully, its milder cousins partly. */
export function angerWeightOf(e: EmotionWeights): number {
  return (
    (e.anger ?? 0) + 0.5 * (e.annoyance ?? 0) + 0.5 * (e.frustration ?? 0) + 0.3 * (e.disappointment ?? 0)
  );
}
