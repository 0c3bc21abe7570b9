/** @module Names a promise: its short action phrase ("call you back") and its kind (callback, refund, …). */
import type { PromiseKind } from "../types.js";

/** The first verb usually says what is owed: "reset your account and email you" is a fix. */
const LEADING_VERB: readonly [RegExp, PromiseKind][] = [
  [/^(?:call|ring|phone)\b/, "callback"],
  [/^(?:give\s+you\s+a\s+(?:call|ring|bell))\b/, "callback"],
  [/^(?:refund|reimburse|credit|reverse|waive)\b/, "refund"],
  [/^(?:ask|escalate)\b/, "other"],
  [
    /^(?:fix|repair|correct|restore|patch|deploy|resolve|install|migrate|reset|push\s+the\s+fix|roll\s+out|release\s+a\s+fix)\b/,
    "fix",
  ],
  [
    /^(?:update|message|reach\s+out|let\s+you\s+know|get\s+back|keep\s+you|be\s+in\s+touch|email\s+you|write\s+to\s+you|report\s+back|confirm|contact\s+you|follow\s+up|notify)\b/,
    "update",
  ],
];

/** Otherwise a word anywhere in the clause decides, most specific first. */
const KEYWORDS: readonly [RegExp, PromiseKind][] = [
  [
    /\b(?:call\s+from|callback|calls?\s+you|ring\s+you|phone\s+you|call\s+you\s+back|give\s+you\s+a\s+(?:call|ring))\b/,
    "callback",
  ],
  [
    /\b(?:confirmation|update|updated|keep\s+you\s+posted|let\s+you\s+know|get\s+back\s+to\s+you|report\s+back|be\s+in\s+touch|contact\s+you|contacted|reply|follow(?:ing)?\s+up|hear\s+(?:back|from)|message\s+you|emailed\s+to\s+you)\b/,
    "update",
  ],
  [/\b(?:refunds?|refunded|reimburs\w*|money\s+(?:be\s+)?back|credit(?:ed)?|compensat\w*)\b/, "refund"],
  [
    /\b(?:replacement|new\s+(?:one|pair|unit|order|item|phone|device|door|case|card)|fresh\s+order|resend|re-send|exchange)\b/,
    "replacement",
  ],
  [
    /\b(?:fix|fixed|correct(?:ed)?|repair\w*|restor\w*|patch\w*|resolv\w*|replace|install\w*|back\s+online|sort\w*\s+(?:it|this)\s+out|get\s+(?:it|this|that)\s+sorted)\b/,
    "fix",
  ],
  [/\b(?:email\s+you|send\s+you|write\s+to\s+you|link|itinerary|e-ticket|tracking\s+number)\b/, "update"],
];

/** Kind of a promise from its action text and the whole clause (the subject may carry it: "a replacement will…"). */
export function classifyKind(action: string, clause: string, fieldWorker: boolean): PromiseKind {
  const lead = action
    .toLowerCase()
    .trim()
    .replace(/^(?:personally|also|then|just)\s+/, "");
  for (const [re, kind] of LEADING_VERB) if (re.test(lead)) return kind;
  const lower = clause.toLowerCase();
  for (const [re, kind] of KEYWORDS) if (re.test(lower)) return kind;
  return fieldWorker ? "fix" : "other";
}

/** Where an action phrase stops: a purpose, a condition or a time clause adds nothing to "what". */
const PHRASE_END =
  /\s+(?:right\s+(?:away|now)|straight\s+away|every\s+(?:day|morning|week)|by\s+(?:tracked|express|special|recorded|first[- ]class)\b|by\s*$)|\s+(?:to\s+(?!you\b|us\b|me\b|the\b|your\b|our\b|a\b|an\b|my\b|them\b|it\b|him\b|her\b)|once|as\s+soon\s+as|when|if|because|so\s+that|until|unless|while|since)\b|[,;:!?.]/;
const MAX_WORDS = 9;

const LEADING_ADVERBS =
  /^\s*(?:(?:personally|also|then|just|now|definitely|certainly|soon|shortly|all)\s+)+/i;

/** "refund" + "be processed" → "refund is processed"; "items" + "arrive" → "items arrive". */
function withSubject(noun: string, phrase: string): string {
  const plural = /[^siu]s$/.test(noun);
  const [verb = "", ...rest] = phrase.split(" ");
  let finite = verb;
  if (verb === "be") finite = plural ? "are" : "is";
  else if (verb === "have") finite = plural ? "have" : "has";
  else if (!plural && !/^(?:is|are|was|were|has)$/.test(verb))
    finite = /(?:s|sh|ch|x|z|o)$/.test(verb)
      ? `${verb}es`
      : /[^aeiou]y$/.test(verb)
        ? `${verb.slice(0, -1)}ies`
        : `${verb}s`;
  return [noun, finite, ...rest].join(" ").trim();
}

/** "look into it" → "look into the order"; the customer's "see it" is receiving the thing. */
function withReferent(words: string, referent: string): string {
  const replaced = words.replace(/^((?:\S+\s+){0,2}?)it\b(?!['’])/, `$1the ${referent}`);
  return replaced === words ? words : replaced.replace(/^see the\b/, "receive the");
}

/**
 * A short action phrase from the action text with time expressions already blanked out. A thing subject reads as a
 * sentence ("refund arrives"); `referent` is what an "it" stands for, when one was found.
 */
export function actionPhrase(action: string, thing: string | null, referent: string | null = null): string {
  // One space per gap keeps PHRASE_END linear; an aside after the modal ("will, of course, refund") is dropped.
  const flat = action
    .replace(/\s+/g, " ")
    .replace(/^\s*,\s*(?:of course|naturally|certainly|absolutely|obviously|as promised)\s*,/i, "");
  const cut = PHRASE_END.exec(flat);
  const body = (cut ? flat.slice(0, cut.index) : flat)
    .replace(LEADING_ADVERBS, "")
    .trim()
    .replace(/^[A-Z](?=[a-z]+\b)/, (c) => c.toLowerCase()); // "Expect a call…" opening a sentence
  const words = body.split(" ").filter(Boolean).slice(0, MAX_WORDS).join(" ");
  if (thing === null) return referent ? withReferent(words, referent) : words;
  if (words === "") return "";
  return withSubject(thing === "it" && referent ? referent : thing, words);
}
