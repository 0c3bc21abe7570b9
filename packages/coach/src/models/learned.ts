/** @module Learned model outputs that the rule detectors blend in; null until trained weights are wired in. */

/** What the customer-side models say about one message. */
export interface LearnedCustomerSignals {
  /** GoEmotions label name → probability 0–1 (all 28 labels). */
  goemotions: Record<string, number>;
  /** Offensive-language classes → probability. */
  offensive: { hate: number; offensive: number; neither: number };
}

/** What the reply-side models say about one reply. */
export interface LearnedReplySignals {
  /** Reply label → probability 0–1, for labels a model exists for. */
  labels: Record<string, number>;
}

export function learnedCustomerSignals(_text: string): LearnedCustomerSignals | null {
  return null;
}

export function learnedReplySignals(_reply: string, _customer: string | null): LearnedReplySignals | null {
  return null;
}
