/** @module Negative framing in replies ("we can't", "not my department") and the positive reframe for each kind. */

export type NegativeKind = "refusal" | "regret" | "no_info" | "not_ours" | "must" | "nothing";

export interface NegativeEntry {
  p: string;
  /** How often this cue alone means negative framing (0–1). */
  w: number;
  kind: NegativeKind;
}

const WE = "we|i";

export const NEGATIVE_PHRASES: readonly NegativeEntry[] = [
  { p: `${WE} can|could|will|would|may not`, w: 0.72, kind: "refusal" },
  { p: `${WE} really|just|simply|unfortunately can|could not`, w: 0.72, kind: "refusal" },
  { p: `${WE} are|am unable to`, w: 0.78, kind: "refusal" },
  { p: `${WE} are|am not able to`, w: 0.78, kind: "refusal" },
  { p: `${WE} are|am not allowed|permitted|authorized|authorised`, w: 0.78, kind: "refusal" },
  { p: `${WE} will|would not be able to`, w: 0.72, kind: "refusal" },
  {
    p: `${WE} do not offer|provide|allow|accept|support|do|handle|issue|give|take`,
    w: 0.65,
    kind: "refusal",
  },
  { p: "unable to", w: 0.62, kind: "refusal" },
  { p: "but|and|so|also can|could not", w: 0.6, kind: "refusal" },
  { p: "can|could not be", w: 0.4, kind: "refusal" },
  {
    p: "can|could not be done|returned|refunded|exchanged|changed|processed|accepted|reversed|cancelled|canceled|waived",
    w: 0.75,
    kind: "refusal",
  },
  { p: "not something ..3 can|could|do|offer|provide|support|allow|able", w: 0.8, kind: "refusal" },
  { p: `${WE} are|am ..1 not liable|responsible|able|obliged|obligated`, w: 0.7, kind: "refusal" },
  { p: `${WE} are|am ..1 not in a position`, w: 0.7, kind: "refusal" },
  { p: "not guaranteed|refundable|returnable|transferable|negotiable", w: 0.55, kind: "refusal" },
  { p: "very|extremely|quite difficult|hard to", w: 0.5, kind: "refusal" },
  { p: "subject to availability|change|approval|our|the", w: 0.4, kind: "refusal" },
  { p: "that|this is our|the policy", w: 0.55, kind: "refusal" },
  { p: "our policy", w: 0.4, kind: "refusal" },
  { p: "not our|the policy|practice", w: 0.7, kind: "refusal" },
  { p: "not my|our fault", w: 0.6, kind: "nothing" },
  { p: "out of our|my hands", w: 0.6, kind: "not_ours" },
  { p: "between you and them|the", w: 0.75, kind: "not_ours" },
  { p: "maintained|managed|administered|handled|controlled by", w: 0.5, kind: "not_ours" },
  {
    p: "is|are|was not possible|allowed|permitted|available|supported|eligible|due|administered",
    w: 0.62,
    kind: "refusal",
  },
  { p: "is|are not a|an supported", w: 0.62, kind: "refusal" },
  { p: "not possible", w: 0.6, kind: "refusal" },
  { p: "impossible", w: 0.62, kind: "refusal" },
  { p: "strictly not|prohibited", w: 0.7, kind: "refusal" },
  { p: "policy does|will not allow|permit|cover", w: 0.8, kind: "refusal" },
  { p: "against|outside our|the policy", w: 0.6, kind: "refusal" },
  { p: "not covered|refundable", w: 0.6, kind: "refusal" },
  { p: "no aisle|refund|refunds|exceptions|exception", w: 0.55, kind: "refusal" },
  { p: "there is|are no way", w: 0.75, kind: "nothing" },
  { p: "no way to|for|of", w: 0.7, kind: "nothing" },
  { p: "nothing ..2 can|could do", w: 0.85, kind: "nothing" },
  { p: "not anything ..2 can|could do", w: 0.85, kind: "nothing" },
  { p: "nothing more|else we|i", w: 0.7, kind: "nothing" },
  { p: "nothing ..2 can|could be done", w: 0.85, kind: "nothing" },
  { p: "not much ..2 can|could do|be", w: 0.8, kind: "nothing" },
  { p: "little ..2 we|i can|could do", w: 0.7, kind: "nothing" },
  { p: "there is not any|a way", w: 0.75, kind: "nothing" },
  { p: "unfortunately", w: 0.42, kind: "regret" },
  { p: "regretfully|regrettably", w: 0.72, kind: "regret" },
  { p: `${WE} are|am afraid`, w: 0.6, kind: "regret" },
  {
    p: `${WE} do|did not have any|access|an|the|information|info|news|details|control`,
    w: 0.62,
    kind: "no_info",
  },
  { p: "no news|update|updates|information|info|eta to", w: 0.4, kind: "no_info" },
  { p: `${WE} are|am not making|able|in`, w: 0.55, kind: "no_info" },
  { p: "not my|our department|job|area|responsibility|problem|issue|team", w: 0.85, kind: "not_ours" },
  { p: "not handled|managed|administered|controlled by us", w: 0.75, kind: "not_ours" },
  { p: "is|are handled|managed|maintained|administered by", w: 0.5, kind: "not_ours" },
  { p: "you will have to", w: 0.55, kind: "must" },
  { p: "you will need to", w: 0.46, kind: "must" },
  { p: "you would have|need to", w: 0.3, kind: "must" },
  { p: "you have to|must", w: 0.45, kind: "must" },
  { p: "you will|would|have|need ..1 just have|need to", w: 0.7, kind: "must" },
];

/** A positive sentence to offer instead, per kind; `[…]` marks what the agent fills in. */
export const NEGATIVE_REFRAMES: Record<NegativeKind, string> = {
  refusal: "What I can do is [the closest option you can offer], and I'll set that up for you now.",
  regret: "Here's where things stand, and here's what I can do next: [next step].",
  no_info: "I'll share an update as soon as I have one, by [when you will follow up].",
  not_ours: "I'll connect you with the team that handles this and make sure they have your details.",
  must: "The quickest way to sort this is [step]; I'm happy to walk you through it.",
  nothing: "Here's what I can do: [the option you can offer].",
};
