/** @module Order, account, ticket and tracking numbers: a keyword then an identifier, or a well-known shape. */
import { ID_FILLERS, ID_KEYWORDS } from "../../lexicons/customer-facts.js";
import { spanOf } from "../../text/tokenize.js";
import type { Fact, FactKind } from "../../types.js";
import { type CustomerToken, NUMBER_FLAG, wordFlag } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const TRAILING_JOINER = /^[-/]$/;
const SHORT_DATE_OR_TIME = /^\d{1,2}[/:]\d{1,2}$/;
const HAS_DIGIT = /\d/;
const BOOKING_REFERENCE = /^[A-Z]{5,8}$/;

const LOOKAHEAD = 5;
// A Map, not the lexicon object: "constructor" must not find an Object.prototype member.
const KEYWORD_OF = new Map(Object.entries(ID_KEYWORDS));
const KEYWORD = wordFlag((s) => KEYWORD_OF.has(s.norm));
const ID_PART = /^[\p{L}\p{N}_/-]+$/u;
/** Well-known identifier shapes, each with the one length it can have (checked first: most numbers are short). */
const PATTERNS: Array<[RegExp, FactKind, number]> = [
  [/^\d{3}-\d{7}-\d{7}$/, "order_number", 19],
  [/^1Z[0-9A-Z]{16}$/, "tracking_number", 18],
];

/** The index of the last token of the adjacent run starting at i that forms one identifier, or -1. */
function identifierEnd(tokens: readonly CustomerToken[], i: number): number {
  const first = tokens[i];
  if (!first || first.ignored || !(first.kind === "number" || first.kind === "word")) return -1;
  let j = i;
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as CustomerToken;
    if (next.start !== (tokens[j] as CustomerToken).end || !ID_PART.test(next.text)) break;
    j++;
  }
  // A trailing "-" or "/" belongs to the sentence, not the identifier.
  while (j > i && TRAILING_JOINER.test((tokens[j] as CustomerToken).text)) j--;
  return j;
}

/** The adjacent run of tokens starting at i that forms one identifier, as [endIndex, text] or null. */
function identifierAt(text: string, tokens: readonly CustomerToken[], i: number): [number, string] | null {
  const j = identifierEnd(tokens, i);
  // The tokens touch, so their texts joined are the text they cover.
  return j < 0 ? null : [j, text.slice((tokens[i] as CustomerToken).start, (tokens[j] as CustomerToken).end)];
}

/** The kind of well-known identifier text[start, end) is, if it is one. */
function shapedKind(text: string, start: number, end: number): FactKind | undefined {
  for (const [re, kind, length] of PATTERNS)
    if (end - start === length && re.test(text.slice(start, end))) return kind;
  return undefined;
}

function looksLikeId(value: string, kind: FactKind): boolean {
  if (value.length < 4 || value.length > 40) return false;
  if (HAS_DIGIT.test(value)) return !SHORT_DATE_OR_TIME.test(value);
  // Letter-only booking references ("VAOUWZ") are written in capitals.
  return kind === "order_number" && BOOKING_REFERENCE.test(value);
}

export function detectIdentifiers(input: CustomerInput): Fact[] {
  const { tokens } = input.text;
  const text = input.text.t.text;
  const facts: Fact[] = [];
  if ((input.text.flags & (KEYWORD | NUMBER_FLAG)) === 0) return facts;
  const flags = input.text.flags;
  let taken: Set<number> | null = null;
  for (let i = 0; (flags & KEYWORD) !== 0 && i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if ((tok.flags & KEYWORD) === 0) continue;
    const kind = tok.ignored || tok.handle ? undefined : KEYWORD_OF.get(tok.norm);
    if (!kind) continue;
    let k = i + 1;
    let skipped = 0;
    while (k < tokens.length && skipped <= LOOKAHEAD) {
      const t = tokens[k] as CustomerToken;
      if (t.sentence !== tok.sentence && t.start - (tokens[k - 1]?.end ?? 0) > 2) break;
      if (ID_FILLERS.has(t.norm) || t.text === "#" || t.text === ",") {
        k++;
        skipped++;
        continue;
      }
      const id = identifierAt(text, tokens, k);
      if (!id || !looksLikeId(id[1], kind) || taken?.has(k)) break;
      const start = t.start;
      const end = (tokens[id[0]] as CustomerToken).end;
      facts.push({
        kind,
        value: text.slice(start, end),
        normalized: id[1].toUpperCase(),
        span: spanOf(text, start, end),
      });
      taken ??= new Set<number>();
      for (let x = k; x <= id[0]; x++) taken.add(x);
      k = id[0] + 1;
      skipped = 0;
    }
  }
  // Both shapes start with a number token.
  for (let i = 0; (flags & NUMBER_FLAG) !== 0 && i < tokens.length; i++) {
    if (taken?.has(i) || (i > 0 && tokens[i - 1]?.end === tokens[i]?.start)) continue;
    // Both shapes start with a digit; a run that starts with a word is passed over by the adjacency check above.
    if (tokens[i]?.kind !== "number") continue;
    const last = identifierEnd(tokens, i);
    if (last < 0) continue;
    const start = (tokens[i] as CustomerToken).start;
    const end = (tokens[last] as CustomerToken).end;
    const kind = shapedKind(text, start, end);
    if (kind !== undefined) {
      const value = text.slice(start, end);
      facts.push({ kind, value, normalized: value.toUpperCase(), span: spanOf(text, start, end) });
    }
    i = last;
  }
  return facts;
}
