/** @module Finds commitment heads ("I'll", "we are going to", "your refund will be") in one sentence and rules out non-commitments. */
import type { PromiseOwner } from "../types.js";

/** The start of a commitment: who commits and where the committed action begins. */
export interface CommitmentHead {
  /** Offsets into the sentence text. */
  subjectStart: number;
  actionStart: number;
  owner: PromiseOwner;
  /** "will"-like wording is firm; "let me" is an offer; "should" only sets an expectation and needs a due time. */
  strength: "firm" | "offer" | "expected";
  /** The subject when it is a thing ("your refund"), prefixed to the action phrase. */
  thing: string | null;
  /** The promise depends on something first happening ("if you send us…, we'll…"). */
  conditional: boolean;
  /** Who acts is a field worker ("the technician will visit"): the visit is the fix. */
  fieldWorker: boolean;
}

// Curly apostrophes are made straight (same length) before matching, so offsets hold.
const HEAD_RE =
  /\blet me\b|\b(?:i|we|you|they|it|he|she)'ll\b|\b(?:will|shall|should)\b|\b(?:i'm|i am|we're|we are|they're|they are|is|are)\s+going\s+to\b|\b(?:you\s+can\s+)?expect\b|\b(?:is|are)\s+being\b/g;
const BOUNDARY_RE =
  /[,;:()–—]|\b(?:and|but|so|then|or|because|that|when|if|once|unless|whether|until|before|after|as soon as|what|how|why|where|while|since)\b/g;
/** A head after one of these words is a condition or a consequence, not the promise itself. */
const SUBORDINATE = new Set([
  "when",
  "if",
  "once",
  "unless",
  "whether",
  "until",
  "before",
  "after",
  "as soon as",
  "what",
  "how",
  "why",
  "where",
  "while",
  "since",
  "or",
]);
const NEGATION = /\b(?:not|never|no|cannot|unable|won't|can't|couldn't|don't|doesn't|didn't|isn't|aren't)\b/;
const HEDGE = /\b(?:hope|hopefully|maybe|perhaps|possibly|probably|might|may|try|trying|unlikely|afraid)\b/;
const AFTER_NEGATION = /^\s*(?:not|never)\b/;
const AFTER_HEDGE =
  /^\s*(?:(?:also|then|just|still)\s+)?(?:try|hope|aim|attempt|see\s+(?:if|what|whether|how)|see\b(?!\s*\w)|do\s+(?:my|our)\s+best|probably|possibly|hopefully|maybe|likely|perhaps|ideally|usually|normally|generally)\b/;
/**
 * "We'll need your ID", "I'll be honest", "I'll ask you to…": future tense without an action owed to the customer.
 * Ending the conversation ("I will end this chat here") is a boundary, not a commitment — unless "and" adds one.
 */
const AFTER_NOT_ACTION =
  /^\s*(?:need|require|have\s+to|also\s+need|be\s+(?:happy|glad|pleased|delighted|sorry|honest|frank|grateful|here|able\s+to\s+help|fine|ok|okay|away|on\s+leave|off|out\s+of)|always|love|like|want|know|ask\s+(?:that\s+(?:we|you)|you\s+to)|let\s+(?:it|that)\s+go|leave\s+(?:it|this)|close\s+automatically|expire|lapse|take)\b|^\s*(?:now\s+)?(?:be\s+)?(?:end|clos|terminat|leav|disconnect|stop|paus)(?:e|ing)?\s+(?:this|the|our)\s+(?:conversation|chat|call|session|correspondence|discussion|thread|exchange)\b(?!\s+and\b)/;
const CUSTOMER_RECEIVES =
  /^\s*(?:(?:also|then|soon|shortly|now)\s+)?(?:get|receive|see|have|hear|be\s+(?:refunded|credited|contacted|notified|sent|called|emailed|reimbursed|compensated))\b/;
const THING_ACTION =
  /^\s*(?:(?:also|then|soon|shortly|now|all|definitely|certainly|automatically|safely)\s+)?(?:be\s+(?:[a-z]+ed|sent|shipped|done|made|paid|given|back|with\s+you|on\s+(?:its|their)\s+way|in\s+your|out)|arrive|appear|reach|show\s+(?:up|on|in)|ship|go\s+out|land|turn\s+up|come\s+through)\b/;
const DETERMINERS = new Set(["the", "your", "a", "an", "our", "my", "this", "that", "their"]);
const PEOPLE =
  /^(?:team|teams|engineer|engineers|technician|technicians|specialist|specialists|manager|managers|lead|handler|fitter|fitters|developers?|colleague|colleagues|agent|agents|advisor|adviser|department|desk|staff|supervisor|expert|experts|assessor|someone|person)$/;
const FIELD_WORKERS = /^(?:engineer|engineers|technician|technicians|fitter|fitters|plumber|electrician)$/;
const CARRIERS = /^(?:courier|couriers|driver|drivers|carrier|rider|postman|delivery)$/;
const QUESTION_START =
  /^\s*(?:shall|should|would|could|can|may|do|does|did|is|are|was|were|will|have|has|want|just\s+to\s+confirm)\b/;

interface Boundary {
  end: number;
  word: string;
}

/** Last clause boundary before `pos` within the sentence, and the last punctuation boundary. */
function lastBoundaries(lower: string, pos: number): { clause: Boundary; punct: number } {
  // Only the last 160 characters count, so each head costs the same however long the sentence.
  const from = Math.max(0, pos - 160);
  let clause: Boundary = { end: from, word: "" };
  let punct = from;
  BOUNDARY_RE.lastIndex = from;
  for (let m = BOUNDARY_RE.exec(lower); m !== null && m.index < pos; m = BOUNDARY_RE.exec(lower)) {
    const end = m.index + m[0].length;
    if (end > pos) break;
    clause = { end, word: m[0] };
    if (/^[,;:()–—]$/.test(m[0])) punct = end;
  }
  return { clause, punct };
}

/** Owner and subject start for a head whose subject comes before the modal ("the technician will"). */
function readSubject(
  lower: string,
  windowStart: number,
  modalStart: number,
): {
  owner: PromiseOwner | "customer";
  start: number;
  prefix: string;
  thing: string | null;
  head: string;
} | null {
  const window = lower.slice(windowStart, modalStart);
  const words = [...window.matchAll(/[a-z£$0-9.'-]+/g)];
  const last = words[words.length - 1];
  if (!last) return null;
  const lastWord = last[0];
  const at = (m: RegExpMatchArray) => windowStart + (m.index ?? 0);
  const prefixTo = (m: RegExpMatchArray) => lower.slice(windowStart, at(m));
  if (lastWord === "i")
    return { owner: "agent", start: at(last), prefix: prefixTo(last), thing: null, head: "i" };
  if (/^(?:we|they|he|she)$/.test(lastWord))
    return { owner: "team", start: at(last), prefix: prefixTo(last), thing: null, head: lastWord };
  if (lastWord === "you")
    return { owner: "customer", start: at(last), prefix: prefixTo(last), thing: null, head: "you" };
  if (/^(?:it|this|that)$/.test(lastWord))
    return { owner: "company", start: at(last), prefix: prefixTo(last), thing: lastWord, head: lastWord };
  let det = -1;
  for (let i = words.length - 1; i >= 0 && i >= words.length - 7; i--)
    if (DETERMINERS.has(words[i]?.[0] ?? "")) det = i;
  const first = words[det];
  if (det < 0 || !first) return null;
  const start = at(first);
  const nounPhrase = lower.slice(start, modalStart).trim();
  const owner = PEOPLE.test(lastWord) || FIELD_WORKERS.test(lastWord) ? "team" : "company";
  const thing = owner === "team" || CARRIERS.test(lastWord) ? null : nounPhrase.replace(/^\S+\s+/, "");
  return { owner, start, prefix: prefixTo(first), thing, head: lastWord };
}

/** Commitment heads in one sentence, in order; non-commitments (negated, hedged, subordinate, customer duties) are left out. */
export function findHeads(sentence: string): CommitmentHead[] {
  const lower = sentence.toLowerCase().replace(/’/g, "'");
  const trimmed = lower.trim();
  if (trimmed.endsWith("?") && QUESTION_START.test(trimmed)) return [];
  if (trimmed.startsWith(">")) return []; // a quoted line of the customer's own message
  const heads: CommitmentHead[] = [];
  HEAD_RE.lastIndex = 0;
  for (let m = HEAD_RE.exec(lower); m !== null; m = HEAD_RE.exec(lower)) {
    const head = readHead(lower, m.index, m[0]);
    if (head) heads.push(head);
  }
  return heads;
}

function readHead(lower: string, index: number, matched: string): CommitmentHead | null {
  const actionStart = index + matched.length;
  const after = lower.slice(actionStart, actionStart + 80);
  if (AFTER_NEGATION.test(after) || AFTER_HEDGE.test(after) || AFTER_NOT_ACTION.test(after)) return null;
  const { clause, punct } = lastBoundaries(lower, index);
  const conditional = /\b(?:if|once|unless|provided)\b/.test(lower.slice(Math.max(0, index - 160), index));
  const base = { actionStart, conditional, fieldWorker: false, thing: null };
  if (/expect$/.test(matched)) return readExpect(lower, index, matched, clause.end, punct, conditional);
  if (/being$/.test(matched)) return readBeing(lower, index, clause.end, conditional);
  if (matched === "let me") {
    if (SUBORDINATE.has(clause.word)) return null;
    if (/^\s*know\b/.test(after)) return null;
    return NEGATION.test(lower.slice(punct, index))
      ? null
      : { ...base, subjectStart: index, owner: "agent", strength: "offer" };
  }
  const pronoun = /^(i|we|you|they|it|he|she)(?:'ll|'m|'re|\s)/.exec(matched);
  const subject = pronoun
    ? {
        owner:
          ({ i: "agent", you: "customer", it: "company" } as Record<string, PromiseOwner | "customer">)[
            pronoun[1] ?? ""
          ] ?? "team",
        start: index,
        prefix: lower.slice(clause.end, index),
        thing: pronoun[1] === "it" ? "it" : null,
        head: pronoun[1] ?? "",
      }
    : (readSubject(lower, clause.end, index) ?? impliedSubject(lower, clause, index));
  if (!subject) return null;
  if (SUBORDINATE.has(clause.word)) {
    // "if it doesn't I'll send a new one": an unpunctuated condition, then our clause. Otherwise the head is the condition.
    if (subject.prefix.trim().split(/\s+/).filter(Boolean).length < 2) return null;
  } else {
    const context = lower.slice(punct, clause.end) + subject.prefix;
    if (NEGATION.test(context) || HEDGE.test(context)) return null;
  }
  const strength = matched.startsWith("should") ? "expected" : "firm";
  if (subject.owner === "customer") {
    if (!CUSTOMER_RECEIVES.test(after)) return null;
    const from = /\b(?:from|by)\s+(me|us|our)\b/.exec(after)?.[1];
    const owner: PromiseOwner = from === "me" ? "agent" : from ? "team" : "company";
    return { ...base, subjectStart: subject.start, owner, strength };
  }
  if (subject.thing !== null && !THING_ACTION.test(after)) return null;
  return {
    ...base,
    subjectStart: subject.start,
    owner: subject.owner,
    strength,
    thing: subject.thing,
    fieldWorker: FIELD_WORKERS.test(subject.head),
  };
}

type Subject = NonNullable<ReturnType<typeof readSubject>>;

/** "will call you back in 10" opening a chat line is the writer's; "we're on it and will update you" keeps its subject. */
function impliedSubject(lower: string, clause: Boundary, index: number): Subject | null {
  if (
    lower.slice(clause.end, index).trim() !== "" ||
    !/^(?:will|shall)$/.test(lower.slice(index, index + 5).trim())
  )
    return null;
  if (index === 0)
    // sentence text starts at its first token
    return { owner: "agent", start: index, prefix: "", thing: null, head: "" };
  if (clause.word !== "and") return null;
  const andStart = clause.end - 3;
  const from = lastBoundaries(lower, andStart).clause.end;
  const earlier = lower.slice(from, andStart);
  const pronoun = /^\s*(i|we|they)\b/.exec(earlier)?.[1];
  if (pronoun)
    return {
      owner: pronoun === "i" ? "agent" : "team",
      start: index,
      prefix: "",
      thing: null,
      head: pronoun,
    };
  const verb = /\b(?:has|have|is|are|was|were)\b/.exec(earlier);
  const subject = verb ? readSubject(lower, from, from + verb.index) : null;
  return subject ? { ...subject, start: index, prefix: "" } : null;
}

/** "You can expect a call from me tomorrow", "expect a reply within 2 business days": a promise set as an expectation. */
function readExpect(
  lower: string,
  index: number,
  matched: string,
  clauseEnd: number,
  punct: number,
  conditional: boolean,
): CommitmentHead | null {
  const window = lower.slice(clauseEnd, index).trim();
  if (!/^(?:|you|you should|you can|you'll|you will|please|and)$/.test(window)) return null;
  const actionStart = index + matched.length;
  const after = lower.slice(actionStart, actionStart + 80);
  if (!/^\s+(?:a|an|the|your|our|my|to\s+(?:hear|receive|get|see))\b/.test(after)) return null;
  if (NEGATION.test(lower.slice(punct, index)) || HEDGE.test(lower.slice(punct, index))) return null;
  const from = /\b(?:from|by)\s+(me|us|our)\b/.exec(after)?.[1];
  const owner: PromiseOwner = from === "me" ? "agent" : from ? "team" : "company";
  const subjectStart =
    window === "" || window === "and" ? index : clauseEnd + lower.slice(clauseEnd, index).search(/\S/);
  return {
    subjectStart,
    // "You can expect a call": the action reads from "expect", lower-cased by the phrase.
    actionStart: actionStart - "expect".length,
    owner,
    strength: "expected",
    thing: null,
    conditional,
    fieldWorker: false,
  };
}

/** "Your new card is being posted today": under way, a promise once a time is given. */
function readBeing(
  lower: string,
  index: number,
  clauseEnd: number,
  conditional: boolean,
): CommitmentHead | null {
  const subject = readSubject(lower, clauseEnd, index);
  const after = lower.slice(index, index + 60);
  if (!subject?.thing || !/^(?:is|are)\s+being\s+(?:[a-z]+ed|sent|made|built)\b/.test(after)) return null;
  if (NEGATION.test(subject.prefix) || HEDGE.test(subject.prefix)) return null;
  return {
    subjectStart: subject.start,
    actionStart: index,
    owner: "company",
    strength: "expected",
    thing: subject.thing,
    conditional,
    fieldWorker: false,
  };
}
