/** @module Apology cues and the hedges that turn an apology into a non-apology ("sorry if you feel…"). */

export interface ApologyEntry {
  p: string;
}

/** Words that start an apology. */
export const APOLOGY_CUES: readonly ApologyEntry[] = [
  { p: "sorry" },
  { p: "apologize|apologized|apologizing|apologies|apology|apologizes" },
  { p: "we|i regret" },
  { p: "my|our bad" },
  { p: "forgive us|me" },
  { p: "pardon the|our" },
];

/** Sympathy, not an apology: "sorry to hear", "sorry for your loss". */
export const SYMPATHY_PHRASES: readonly ApologyEntry[] = [
  { p: "sorry to hear|see|know|learn|read|find" },
  { p: "sorry ..2 for your loss" },
  { p: "sorry for|about ..1 your loss|bereavement|passing" },
  { p: "sorry ..1 you are going through" },
  { p: "sorry ..1 you are|were having|experiencing|facing" },
  { p: "sorry ..2 happened to you" },
  { p: "sorry that|this happened" },
  {
    p: "sorry about|for ..1 your mum|dad|mother|father|wife|husband|son|daughter|partner|friend|brother|sister|grandmother|grandfather|pet|dog|cat",
  },
  // "Sorry, can you…", "sorry, I can break it up": a pardon, not an apology.
  { p: "sorry ..1 can|could|would|may|do|did you" },
  { p: "sorry ..1 i can|could|will|did not" },
  { p: "sorry ..1 what|which|where|who" },
];

export type HedgeKind = "conditional" | "feeling" | "but" | "only" | "regret_you";

export interface HedgeEntry {
  p: string;
  w: number;
  kind: HedgeKind;
}

/** Hedges matched from the apology word onwards (same sentence). */
export const APOLOGY_HEDGES: readonly HedgeEntry[] = [
  { p: "sorry|apologize|apologies|apology|regret ..3 for|about any|anything", w: 0.85, kind: "conditional" },
  { p: "sorry|apologize|apologies|regret ..2 if", w: 0.88, kind: "conditional" },
  { p: "regret|apologize|apologies ..1 any", w: 0.85, kind: "conditional" },
  { p: "sorry|apologize|apologies|regret ..6 may|might|could have caused|been", w: 0.8, kind: "conditional" },
  {
    p: "sorry|apologize|apologies|regret ..5 you feel|felt|think|thought|believe|perceive|remain|consider",
    w: 0.88,
    kind: "feeling",
  },
  { p: "sorry|apologize|apologies|regret ..4 way you feel|felt|see", w: 0.9, kind: "feeling" },
  {
    p: "sorry|apologize|apologies|regret ..3 you are|were unhappy|upset|disappointed|dissatisfied|offended",
    w: 0.8,
    kind: "feeling",
  },
  { p: "sorry|apologize|apologies ..2 but|however|though", w: 0.82, kind: "but" },
  { p: "regret that you|your", w: 0.75, kind: "regret_you" },
];

/** Hedges matched anywhere in the apology's sentence. */
export const SENTENCE_HEDGES: readonly HedgeEntry[] = [
  { p: "can|could only apologize|offer|say", w: 0.85, kind: "only" },
  { p: "only able to offer ..2 apologies|apology", w: 0.88, kind: "only" },
  { p: "way we|you want you ..1 feel", w: 0.7, kind: "feeling" },
  { p: "came|come|comes as a shock|surprise", w: 0.6, kind: "feeling" },
];
