/** @module E-mail addresses and phone numbers, found by scanning around "@" and digit runs (linear, no backtracking). */
import { spanOf } from "../../text/tokenize.js";
import type { Fact } from "../../types.js";
import { type CustomerToken, wordFlag } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const TOP_LEVEL_DOMAIN = /\.[A-Za-z]{2,}$/;
const ENDS_WITH_DIGIT = /\d$/;
const PHONE_PUNCTUATION = /[\s().+-]/;

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const AT = wordFlag((s) => s.text === "@");
/** Where a phone number can start. */
const PHONE_START = wordFlag((s) => s.kind === "number" || s.text === "+" || s.text === "(");
const PHONE_WORDS = new Set([
  "call",
  "phone",
  "tel",
  "telephone",
  "mobile",
  "cell",
  "number",
  "contact",
  "whatsapp",
  "reach",
]);

export function detectEmails(input: CustomerInput): Fact[] {
  const text = input.text.t.text;
  const facts: Fact[] = [];
  if ((input.text.flags & AT) === 0) return facts;
  for (const tok of input.text.tokens) {
    // The flag first: comparing the text reaches each token's string, a memory load of its own.
    if ((tok.flags & AT) === 0 || tok.text !== "@") continue;
    let a = tok.start;
    while (a > 0 && tok.start - a < 64 && LOCAL_CHAR.test(text[a - 1] ?? "")) a--;
    while (a < tok.start && text[a] === ".") a++;
    // No local part (an @handle): the domain need not be read.
    if (a === tok.start) continue;
    let b = tok.end;
    while (b < text.length && b - tok.end < 255 && DOMAIN_CHAR.test(text[b] ?? "")) b++;
    while (b > tok.end && (text[b - 1] === "." || text[b - 1] === "-")) b--;
    const domain = text.slice(tok.end, b);
    if (!TOP_LEVEL_DOMAIN.test(domain) || domain.startsWith(".")) continue;
    const value = text.slice(a, b);
    facts.push({ kind: "email", value, normalized: value.toLowerCase(), span: spanOf(text, a, b) });
  }
  return facts;
}

const PHONE_PART = /^(?:\+|\(|\)|-|\.|\d+(?:[.-]\d+)*)$/;

/** How many ASCII digits `value` holds (what `/\d/` counts), without building the digits-only copy. */
function countDigits(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export function detectPhones(input: CustomerInput): Fact[] {
  const { tokens, words } = input.text;
  const text = input.text.t.text;
  const facts: Fact[] = [];
  if ((input.text.flags & PHONE_START) === 0) return facts;
  // Built on the first candidate: most messages have no number run at all.
  let phoneWordSentences: Set<number> | null = null;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i] as CustomerToken;
    if (
      tok.ignored ||
      // PHONE_START is this test, worked out once per spelling.
      (tok.flags & PHONE_START) === 0 ||
      !PHONE_PART.test(tok.text)
    ) {
      i++;
      continue;
    }
    // Not the tail of a longer identifier ("A-1234567890").
    const before = tokens[i - 1];
    if (before && before.end === tok.start && (before.kind === "word" || before.kind === "number")) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as CustomerToken;
      if (next.start - (tokens[j] as CustomerToken).end > 1 || !PHONE_PART.test(next.text)) break;
      j++;
    }
    while (j > i && !ENDS_WITH_DIGIT.test((tokens[j] as CustomerToken).text)) j--;
    const after = tokens[j + 1];
    const glued =
      after !== undefined && after.start === (tokens[j] as CustomerToken).end && after.kind === "word";
    const value = text.slice(tok.start, (tokens[j] as CustomerToken).end);
    const digits = countDigits(value);
    // A keyword matters only for 7–9 digits: the sentences that hold one are found for the first such number.
    const short = digits >= 7 && digits <= 9;
    if (short)
      phoneWordSentences ??= new Set(words.filter((w) => PHONE_WORDS.has(w.norm)).map((w) => w.sentence));
    const keyword = short && phoneWordSentences?.has(tok.sentence) === true;
    const shaped = PHONE_PUNCTUATION.test(value) || digits >= 10;
    if (!glued && shaped && ((digits >= 10 && digits <= 15) || (digits >= 7 && digits <= 9 && keyword))) {
      const normalized = `${value.trim().startsWith("+") ? "+" : ""}${value.replace(/\D/g, "")}`;
      facts.push({
        kind: "phone",
        value,
        normalized,
        span: spanOf(text, tok.start, (tokens[j] as CustomerToken).end),
      });
    }
    i = j + 1;
  }
  return facts;
}
