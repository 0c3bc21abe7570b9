/** @module Abuse in customer messages, and replies that calmly set a boundary on it while still helping. */

/** Insults that are abusive on their own ("idiots", "clowns", "liars"). */
export const STRONG_INSULTS: ReadonlySet<string> = new Set([
  "idiot",
  "idiots",
  "moron",
  "morons",
  "imbecile",
  "imbeciles",
  "incompetent",
  "inept",
  "clowns",
  "clown",
  "liars",
  "liar",
  "jerks",
  "jerk",
  "crooks",
  "thieves",
  "scammers",
  "scumbags",
  "scum",
  "losers",
  "retarded",
  "shitty",
  "shittiest",
  "bullshit",
  "assholes",
  "asshole",
  "bastards",
  "bitch",
  "dickheads",
  "clueless",
  "monkeys",
  "brainless",
  "amateurs",
  "cowboys",
  "muppets",
  "numpties",
  "twats",
  "wankers",
]);

/** Harsh words that are often about a product ("the app is useless"); abusive when aimed at a person. */
export const WEAK_INSULTS: ReadonlySet<string> = new Set([
  "useless",
  "pathetic",
  "dumb",
  "stupid",
  "crappy",
  "bs",
  "garbage",
  "trash",
  "lying",
  "thick",
]);

/** Every insult word, for boundary phrases that quote them ("please don't call us clowns"). */
export const INSULT_WORDS: ReadonlySet<string> = new Set([...STRONG_INSULTS, ...WEAK_INSULTS]);

/** People a weak insult can be aimed at. */
export const PERSON_TARGETS: ReadonlySet<string> = new Set([
  "you",
  "staff",
  "team",
  "agent",
  "agents",
  "people",
  "guys",
  "folks",
  "employees",
  "reps",
  "idiots",
]);

/** Profanity prefixes: abusive when aimed at us (near "you", "your", "this company"), not as a bare exclamation. */
export const PROFANITY_PREFIXES: readonly string[] = [
  "fuck",
  "fuk",
  "shit",
  "crap",
  "damn",
  "screw",
  "suck",
  "f*",
];

export const TARGET_WORDS: ReadonlySet<string> = new Set([
  "you",
  "your",
  "company",
  "airline",
  "bank",
  "service",
  "team",
  "staff",
  "agent",
  "agents",
  "support",
  "people",
  "guys",
  "folks",
]);

const INSULTS = [...INSULT_WORDS].join("|");

export interface BoundaryEntry {
  p: string;
  w: number;
  /** Names the language itself, so it shows the customer was abusive even when we did not detect it. */
  explicit: boolean;
}

export const BOUNDARY_PHRASES: readonly BoundaryEntry[] = [
  { p: "keep|keeping|kept ..3 respectful|civil|polite|courteous|professional", w: 0.9, explicit: false },
  { p: "treat ..3 with respect|courtesy", w: 0.8, explicit: false },
  { p: "mutual|mutually respect|respectful", w: 0.75, explicit: false },
  {
    p: "language|words|comments|remarks|insults|swearing|profanity ..3 not|unacceptable|inappropriate|hurtful",
    w: 0.92,
    explicit: true,
  },
  {
    p: "abusive|offensive|insulting|disrespectful|inappropriate|foul|personal language|comments|remarks|messages|attacks",
    w: 0.88,
    explicit: true,
  },
  {
    p: "please refrain|avoid|stop ..3 swearing|language|insults|abuse|name-calling|calling|cursing",
    w: 0.92,
    explicit: true,
  },
  {
    p: "will|can not tolerate|accept|continue ..4 abuse|abusive|language|insults|swearing|if",
    w: 0.88,
    explicit: true,
  },
  { p: "no need for|to ..2 language|insults|swearing|abuse|name-calling", w: 0.85, explicit: true },
  { p: "not ok|okay|acceptable|appropriate to speak|talk|swear|insult|call", w: 0.88, explicit: true },
  { p: "ask|asking that we|you keep", w: 0.7, explicit: false },
  { p: "without the|any insults|swearing|name-calling|language", w: 0.85, explicit: true },
  { p: "mind your|the language", w: 0.85, explicit: true },
  {
    p: "avoid|refrain ..2 insults|name-calling|swearing|abuse|abusive|offensive|personal|language|cursing",
    w: 0.88,
    explicit: true,
  },
  { p: "not use|using ..3 language|words|insults|names|profanity", w: 0.9, explicit: true },
  {
    p: "name-calling|insults|swearing|shouting|abuse|language will|does|is|would not ..1 help|make|get|change|speed",
    w: 0.85,
    explicit: true,
  },
  {
    p: `calling|call ..5 ${INSULTS}|names will|does|is|would not ..1 help|make|change|get|fair|speed`,
    w: 0.85,
    explicit: true,
  },
  {
    p: `${INSULTS}|names|name-calling|language ..1 is|are not fair|ok|okay|acceptable|right|true|kind|helpful|needed`,
    w: 0.85,
    explicit: true,
  },
  {
    p: "drop|avoid|skip|lose|leave|accept ..1 words|terms|language|comments|names ..1 like",
    w: 0.85,
    explicit: true,
  },
  {
    p: `leave|keep out ..2 names|insults|name-calling|language|comments|swearing|${INSULTS}`,
    w: 0.88,
    explicit: true,
  },
  {
    p: `tolerate|accept|allow ..2 being called|sworn|shouted|spoken|yelled|insulted|abused|${INSULTS}`,
    w: 0.88,
    explicit: true,
  },
  { p: "being called|sworn|shouted|yelled at|names", w: 0.6, explicit: true },
  {
    p: "leave|keep the|your comments|remarks|insults|name-calling|language ..5 out|aside",
    w: 0.85,
    explicit: true,
  },
  { p: "name-calling|insults|swearing|abuse|language|names ..3 out|aside", w: 0.9, explicit: true },
  { p: "stop|drop|end the|with ..1 insults|name-calling|swearing|abuse|language", w: 0.9, explicit: true },
  {
    p: `not ..1 call us|me|our|my ..1 names|${INSULTS}`,
    w: 0.9,
    explicit: true,
  },
  { p: "if the insults|abuse|swearing|language carry|carries|continue|continues", w: 0.88, explicit: true },
  { p: "keep|keeping|kept ..3 friendly|calm|constructive", w: 0.85, explicit: false },
];

/** A boundary script the agent can paste: names the behaviour, stays on the customer's side. */
export const BOUNDARY_SCRIPT =
  'Add a calm boundary that keeps helping, e.g. "I want to get this sorted for you, and I\'ll ask that we keep this respectful so I can."';
