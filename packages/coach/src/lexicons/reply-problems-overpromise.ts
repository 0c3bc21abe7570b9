/** @module Absolute promises an agent cannot keep ("this will never happen again", "guaranteed") and honest rewrites. */

export type OverpromiseKind = "never_again" | "guarantee" | "certain_time" | "promise" | "refund";

export interface OverpromiseEntry {
  p: string;
  w: number;
  kind: OverpromiseKind;
}

export const OVERPROMISE_PHRASES: readonly OverpromiseEntry[] = [
  { p: "will|shall never happen|occur ..1 again", w: 0.92, kind: "never_again" },
  { p: "never ..2 happen|occur|experience|have ..3 again", w: 0.75, kind: "never_again" },
  { p: "will not|never ..1 happen|occur ..1 again", w: 0.88, kind: "never_again" },
  { p: "this|that|it is|will ..1 the last time", w: 0.8, kind: "never_again" },
  { p: "guarantee|guarantees|guaranteed", w: 0.8, kind: "guarantee" },
  { p: "100 %|percent", w: 0.75, kind: "guarantee" },
  { p: "without|beyond a|any doubt", w: 0.7, kind: "guarantee" },
  { p: "no question", w: 0.55, kind: "guarantee" },
  { p: "no questions asked", w: 0.55, kind: "guarantee" },
  { p: "i|we am|are certain|positive|sure|confident", w: 0.4, kind: "guarantee" },
  {
    p: "will be back|up|online|working|running|fixed|restored ..2 within|in|by",
    w: 0.45,
    kind: "certain_time",
  },
  {
    p: "will ..1 make sure|ensure ..6 today|tonight|tomorrow|immediately|now",
    w: 0.55,
    kind: "certain_time",
  },
  { p: "i|we can? promise", w: 0.8, kind: "promise" },
  { p: "promise", w: 0.55, kind: "promise" },
  { p: "you have my|our word", w: 0.75, kind: "promise" },
  {
    p: "definitely|certainly|absolutely|surely ..5 today|tonight|tomorrow|by|within|fixed|fix|resolve|solve|work|resolved|arrive|delivered|refunded|sorted",
    w: 0.8,
    kind: "certain_time",
  },
  { p: "will|shall definitely|certainly|absolutely", w: 0.35, kind: "certain_time" },
  { p: "will be fully covered|refunded|reimbursed|compensated", w: 0.55, kind: "refund" },
  { p: "not|never be out of pocket", w: 0.6, kind: "refund" },
  { p: "a single cent|penny|dollar|pound", w: 0.45, kind: "refund" },
  {
    p: "will be fixed|resolved|sorted|repaired|working|delivered|restored ..2 today|tonight|immediately|now",
    w: 0.55,
    kind: "certain_time",
  },
  {
    p: "will be fixed|resolved|sorted|repaired|restored in|within minutes|no|an|the",
    w: 0.55,
    kind: "certain_time",
  },
  { p: "make sure|ensure ..4 never|always", w: 0.7, kind: "never_again" },
  { p: "we|i will refund|reimburse|compensate you", w: 0.55, kind: "refund" },
  { p: "you will get|receive|have ..3 refund|compensation|reimbursement|money", w: 0.55, kind: "refund" },
  {
    p: "you will be given|offered|issued|sent ..3 refund|compensation|reimbursement",
    w: 0.55,
    kind: "refund",
  },
  { p: "full refund ..2 guaranteed|today|immediately", w: 0.8, kind: "refund" },
];

/** Hedges anywhere in the sentence make a commitment honest ("we hope", "should", "once approved"). */
export const HEDGE_WORDS: ReadonlySet<string> = new Set([
  "should",
  "expect",
  "expected",
  "aim",
  "aiming",
  "hope",
  "hopefully",
  "try",
  "trying",
  "likely",
  "usually",
  "typically",
  "normally",
  "if",
  "eligible",
  "approved",
  "review",
  "estimate",
  "estimated",
  "might",
  "may",
  "best",
]);

/** Negation just before a cue cancels it: "we can't guarantee" is honest. */
export const NEGATORS: ReadonlySet<string> = new Set(["not", "no", "never", "unable", "nothing", "without"]);

export const OVERPROMISE_REWRITES: Record<OverpromiseKind, string> = {
  never_again:
    "We're looking into what caused this so we can stop it happening again, and I'll let you know what we change.",
  guarantee: "I'll do everything I can on our side, and I'll keep you updated as it progresses.",
  certain_time: "I expect this to be sorted by [realistic time], and I'll update you by then either way.",
  promise: "Here's what I will do: [the step you control], and I'll update you by [time].",
  refund: "I've asked for a refund for you; once it's approved you'll see it within [usual processing time].",
};
