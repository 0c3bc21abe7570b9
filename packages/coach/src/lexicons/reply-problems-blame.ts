/** @module Blame and defensiveness in replies: at the customer, at a third party or team, or "as I already said". */

export type BlameKind = "customer" | "third_party" | "defensive";

export interface BlameEntry {
  p: string;
  w: number;
  kind: BlameKind;
}

const AS_BEFORE = "as|like";
const SAID = "said|stated|mentioned|told|informed|advised|explained|noted|indicated|provided";

export const BLAME_PHRASES: readonly BlameEntry[] = [
  // At the customer.
  { p: "you should|could have", w: 0.8, kind: "customer" },
  { p: "you ought to have", w: 0.8, kind: "customer" },
  { p: "you failed|neglected|forgot to", w: 0.85, kind: "customer" },
  {
    p: "you did not|never read|check|follow|provide|respond|reply|update|contact|pay|meet|tell|confirm|call",
    w: 0.75,
    kind: "customer",
  },
  { p: "you must have|not", w: 0.55, kind: "customer" },
  { p: "you missed|ignored|overlooked|misread|misunderstood", w: 0.8, kind: "customer" },
  { p: "you might|may be doing|do wrong", w: 0.85, kind: "customer" },
  { p: "you are|were doing ..1 wrong", w: 0.85, kind: "customer" },
  { p: "your|customer fault|mistake|error|responsibility", w: 0.75, kind: "customer" },
  { p: "user|customer error", w: 0.8, kind: "customer" },
  { p: "if|since|because you arrived|were|are late|after", w: 0.7, kind: "customer" },
  { p: "if|since|because you did not", w: 0.6, kind: "customer" },
  { p: "you agreed|accepted|signed ..2 terms|conditions|policy", w: 0.75, kind: "customer" },
  { p: "terms|conditions|policy you agreed|accepted|signed", w: 0.8, kind: "customer" },
  { p: "due to non-payment|nonpayment|late", w: 0.75, kind: "customer" },
  { p: "never received a|any response|reply ..2 from you", w: 0.8, kind: "customer" },
  { p: "we never received ..3 from you", w: 0.75, kind: "customer" },
  {
    p: "clearly stated|stated|shown|displayed|explained|written ..3 website|terms|page|checkout|booking",
    w: 0.55,
    kind: "customer",
  },
  // At another team or a third party.
  {
    p: "courier|carrier|carriers|warehouse|supplier|manufacturer|partner|driver|store|team|department ..2 fault|error|mistake",
    w: 0.85,
    kind: "third_party",
  },
  {
    p: "courier|carrier|carriers|warehouse|supplier|manufacturer|driver|postal ..3 messed|screwed|struggling|lost|failed|to blame",
    w: 0.8,
    kind: "third_party",
  },
  {
    p: "the|their|your courier|carrier|carriers|postal|post should|are|is|will ..1 responsible|provide|need|struggling",
    w: 0.7,
    kind: "third_party",
  },
  { p: "not our|my fault|responsibility|doing|problem", w: 0.9, kind: "third_party" },
  { p: "out of our|my hands|control", w: 0.65, kind: "third_party" },
  { p: "blame|fault of|caused by the|a third", w: 0.6, kind: "third_party" },
  {
    p: "that is|this is on|with the courier|carrier|warehouse|bank|airport|manufacturer",
    w: 0.75,
    kind: "third_party",
  },
  { p: "take it up with|contact the courier|carrier|manufacturer|bank|seller", w: 0.45, kind: "third_party" },
  // Defensive or argumentative.
  { p: `${AS_BEFORE} i|we ..2 already|previously|earlier|before ${SAID}`, w: 0.9, kind: "defensive" },
  { p: `${AS_BEFORE} i|we ${SAID} ..2 before|earlier|previously|already`, w: 0.9, kind: "defensive" },
  { p: `${AS_BEFORE} already|previously|earlier ${SAID}`, w: 0.88, kind: "defensive" },
  { p: `${AS_BEFORE} ${SAID} earlier|previously|before|already`, w: 0.88, kind: "defensive" },
  { p: `${AS_BEFORE} i|we have|had ..1 ${SAID} you`, w: 0.8, kind: "defensive" },
  { p: `previously|already ${SAID} to you`, w: 0.75, kind: "defensive" },
  {
    p: "information|info|instructions|link previously|already provided|given|sent",
    w: 0.7,
    kind: "defensive",
  },
  { p: "like i|we said|told|mentioned", w: 0.85, kind: "defensive" },
  { p: "how many times", w: 0.7, kind: "defensive" },
  { p: "we|i did|have done nothing wrong", w: 0.92, kind: "defensive" },
  { p: "to be clear we|i did|have not", w: 0.85, kind: "defensive" },
  { p: "we|i did not do anything wrong", w: 0.9, kind: "defensive" },
  { p: "i|we assure you this|it|they is|are|was|were not", w: 0.75, kind: "defensive" },
  {
    p: "is|are|was|were not intentional|deliberate|discriminating|discrimination|personal",
    w: 0.7,
    kind: "defensive",
  },
  { p: "does|did not sound|look like a|our bug|fault|issue|problem", w: 0.65, kind: "defensive" },
  {
    p: "charges|charge|fee|fees|bill show|shows|are|is|was ..2 accurate|correct|valid",
    w: 0.7,
    kind: "defensive",
  },
  { p: "would|could not have been", w: 0.5, kind: "defensive" },
  { p: "that is|that was|which is ..1 your|the customer's choice", w: 0.7, kind: "defensive" },
  { p: "your choice to make", w: 0.75, kind: "defensive" },
  { p: "there is nothing wrong with", w: 0.7, kind: "defensive" },
];

/** Neutral, owning sentences to offer instead; `[…]` marks what the agent fills in. */
export const BLAME_REFRAMES: Record<BlameKind, string> = {
  customer: "Let me explain what happened and how we'll put it right: [what went wrong, in neutral words].",
  third_party:
    "That's ours to sort out, so I'm following it up with [the partner] myself and will keep you posted.",
  defensive: "Let me go over it again, in case my earlier reply wasn't clear: [the key point].",
};

/** Short phrases that can replace a defensive opener in place ("as I already said" becomes "To recap,"). */
export const DEFENSIVE_OPENER_REPLACEMENT = "To recap,";
