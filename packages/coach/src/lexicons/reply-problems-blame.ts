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
  {
    p: "had you ..1 updated|read|checked|told|contacted|called|followed|provided|paid|booked|entered|given|cancelled|canceled|informed|arrived|used",
    w: 0.8,
    kind: "customer",
  },
  {
    p: "shows|show|showed|indicates|confirms|records that? you clicked|selected|agreed|entered|ordered|booked|chose|requested|authorised|authorized|made|accepted|cancelled|canceled|opted",
    w: 0.7,
    kind: "customer",
  },
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
  {
    p: "you agreed|accepted|signed|authorised|authorized|approved|consented|confirmed to|the|it|this|them|these|that",
    w: 0.72,
    kind: "customer",
  },
  { p: "which|that you agreed|accepted|signed|authorised|authorized|approved", w: 0.8, kind: "customer" },
  { p: "you ..2 yourself", w: 0.45, kind: "customer" },
  { p: "despite the|our|a ..1 warning|warnings|notice|notices", w: 0.75, kind: "customer" },
  {
    p: "if you had|would ..1 given|provided|told|read|checked|followed|called|contacted|sent|included|booked|paid|updated|entered|restarted|rebooted|reset|installed|registered|reported|waited|listened|done|used|arrived",
    w: 0.8,
    kind: "customer",
  },
  {
    p: "the buyer|customer|passenger|guest|user|client|policyholder|tenant|member 's responsibility|fault|obligation",
    w: 0.85,
    kind: "customer",
  },
  {
    p: "clearly outlined|stated|listed|shown|explained|marked|displayed|written|labelled|labeled|set",
    w: 0.75,
    kind: "customer",
  },
  {
    p: "mentioned|stated|explained|disclosed|shown|listed|outlined ..1 when|at|before you booked|ordered|signed|purchased|bought|paid",
    w: 0.75,
    kind: "customer",
  },
  { p: "you were|had been? informed|told|advised|notified|warned", w: 0.35, kind: "defensive" },
  { p: "were|was informed|notified|warned", w: 0.35, kind: "defensive" },
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
    p: "courier|carrier|carriers|warehouse|supplier|manufacturer|driver|postal ..3 messed|screwed|struggling|lost|failed|blamed|slipped",
    w: 0.8,
    kind: "third_party",
  },
  {
    p: "the|their|your courier|carrier|carriers|postal|post should|are|is|will ..1 responsible|provide|need|struggling",
    w: 0.7,
    kind: "third_party",
  },
  { p: "not our|my fault|responsibility|doing|problem", w: 0.9, kind: "third_party" },
  { p: "not us|ours", w: 0.75, kind: "third_party" },
  { p: "not from|with|on us|our", w: 0.7, kind: "third_party" },
  { p: "from|by your bank|issuer|provider|network|isp|carrier", w: 0.45, kind: "third_party" },
  {
    p: "worked|working|works|functioned|functioning|performed as designed|intended|expected",
    w: 0.7,
    kind: "defensive",
  },
  { p: "outside|beyond ..3 control", w: 0.65, kind: "third_party" },
  {
    p: "separate|different|independent|external company|business|organisation|organization|firm",
    w: 0.65,
    kind: "third_party",
  },
  { p: "handled|managed|operated|run|fulfilled by", w: 0.35, kind: "third_party" },
  { p: "through|via a|an third-party|external", w: 0.6, kind: "third_party" },
  {
    p: "supplier|courier|carrier|warehouse|manufacturer|contractor|partner|driver|vendor|hotel|airport|bank has|have|had been unable|failed|struggled",
    w: 0.75,
    kind: "third_party",
  },
  {
    p: "must be made|registered|submitted|received|requested|returned|claimed|booked|cancelled|canceled ..4 before|within|prior|by",
    w: 0.6,
    kind: "customer",
  },
  { p: "there was no answer|reply|response|one", w: 0.6, kind: "customer" },
  {
    p: "independent|external|third-party|outside contractor|contractors|company|provider|supplier",
    w: 0.5,
    kind: "third_party",
  },
  { p: "who|which|they are|is responsible for", w: 0.4, kind: "third_party" },
  { p: "between you and them|the", w: 0.8, kind: "third_party" },
  {
    p: "your bank|provider|carrier|courier|isp|card that is|is holding|delaying|slow",
    w: 0.7,
    kind: "third_party",
  },
  {
    p: "supplier|courier|carrier|warehouse|manufacturer|contractor|partner delivered|sent|shipped|arrived ..1 late|wrong",
    w: 0.7,
    kind: "third_party",
  },
  { p: "out of our|my hands|control", w: 0.65, kind: "third_party" },
  { p: "fault of the|a|their", w: 0.5, kind: "third_party" },
  { p: "caused by the|a third-party|third|supplier|courier|carrier|partner", w: 0.6, kind: "third_party" },
  { p: "to blame", w: 0.5, kind: "third_party" },
  {
    p: "that|this is on|with the courier|carrier|warehouse|bank|airport|manufacturer",
    w: 0.75,
    kind: "third_party",
  },
  { p: "take it up with|contact the courier|carrier|manufacturer|bank|seller", w: 0.45, kind: "third_party" },
  // Defensive or argumentative.
  { p: `${AS_BEFORE} i|we ..2 already|previously|earlier|before ${SAID}`, w: 0.9, kind: "defensive" },
  { p: `${AS_BEFORE} i|we ${SAID} ..2 before|earlier|previously|already`, w: 0.9, kind: "defensive" },
  { p: `${AS_BEFORE} already|previously|earlier ${SAID}`, w: 0.88, kind: "defensive" },
  { p: `${AS_BEFORE} ..3 already|previously|earlier ${SAID}`, w: 0.85, kind: "defensive" },
  { p: `${AS_BEFORE} ${SAID}|outlined|specified|shown in|on|by|at`, w: 0.75, kind: "defensive" },
  { p: `${AS_BEFORE} i|we ${SAID} ..3 last|previous|earlier|other`, w: 0.85, kind: "defensive" },
  { p: "we|i did say|announce|tell|warn|mention|inform|explain|advise|notify", w: 0.8, kind: "defensive" },
  { p: "received|had no other complaints|issues|reports", w: 0.8, kind: "defensive" },
  { p: "no one else has|have complained|reported|had", w: 0.8, kind: "defensive" },
  { p: "nobody else has|have complained|reported|had", w: 0.8, kind: "defensive" },
  { p: "decision stands", w: 0.45, kind: "defensive" },
  { p: "decision is final", w: 0.45, kind: "defensive" },
  { p: `${AS_BEFORE} ${SAID} earlier|previously|before|already`, w: 0.88, kind: "defensive" },
  { p: `${AS_BEFORE} i|we have|had ..1 ${SAID} you`, w: 0.8, kind: "defensive" },
  { p: `previously|already ${SAID} to you`, w: 0.75, kind: "defensive" },
  {
    p: "information|info|instructions|link previously|already provided|given|sent",
    w: 0.7,
    kind: "defensive",
  },
  { p: "like i|we said|told|mentioned", w: 0.85, kind: "defensive" },
  { p: "i|we have|had already explained|told|said|mentioned|answered|clarified", w: 0.85, kind: "defensive" },
  {
    p: "i|we have|had ..2 explained|told|said|mentioned|answered ..3 times|twice|repeatedly",
    w: 0.85,
    kind: "defensive",
  },
  { p: "how many times", w: 0.7, kind: "defensive" },
  { p: "i|we already told|said|explained|mentioned|asked|advised", w: 0.85, kind: "defensive" },
  { p: "we|i did|have done? everything right|correctly|properly", w: 0.75, kind: "defensive" },
  { p: "by the book", w: 0.6, kind: "defensive" },
  { p: "like|as we|i asked|advised|suggested|instructed|recommended|told", w: 0.75, kind: "defensive" },
  { p: "caused|triggered by ..2 your|customers|customer|users|user|own", w: 0.65, kind: "customer" },
  { p: "fault|problem|issue is|lies ..1 with|on|in your", w: 0.75, kind: "customer" },
  { p: "their problem|fault|responsibility|issue|mistake", w: 0.8, kind: "third_party" },
  { p: "according to our records|system|logs|policy|terms", w: 0.45, kind: "defensive" },
  {
    p: "our records|system|logs|notes show|shows|indicate|indicates|confirm|confirms",
    w: 0.5,
    kind: "customer",
  },
  { p: "from the timestamps|records|logs ..3 your", w: 0.6, kind: "customer" },
  {
    p: "is|was the approved|standard|correct|normal|usual|proper process|procedure|practice|policy",
    w: 0.6,
    kind: "defensive",
  },
  {
    p: "is|was|were appropriate|justified|warranted|correct|accurate|valid and|as|for",
    w: 0.45,
    kind: "defensive",
  },
  { p: "we have no record of ..2 you|your", w: 0.5, kind: "customer" },
  {
    p: "please read|review|refer|check ..1 our|the terms|policy|conditions|faq|instructions",
    w: 0.55,
    kind: "customer",
  },
  {
    p: "you may|might|must have missed|forgotten|entered|typed|selected|overlooked|misread|clicked",
    w: 0.7,
    kind: "customer",
  },
  { p: "it seems|looks like you ..1 forgot|missed|entered|not|did", w: 0.65, kind: "customer" },
  { p: "we|i did|have done? nothing wrong", w: 0.92, kind: "defensive" },
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
  { p: "that|which is|was ..1 your own? choice", w: 0.7, kind: "defensive" },
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
