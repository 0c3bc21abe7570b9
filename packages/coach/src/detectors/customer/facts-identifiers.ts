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
const PATTERNS: Array<[RegExp, FactKind]> = [
  [/^\d{3}-\d{7}-\d{7}$/, "order_number"],
  [/^1Z[0-9A-Z]{16}$/, "tracking_number"],
];

/** The adjacent run of tokens starting at i that forms one identifier, as [endIndex, text] or null. */
function identifierAt(text: string, tokens: readonly CustomerToken[], i: number): [number, string] | null {
  const first = tokens[i];
  if (!first || first.ignored || !(first.kind === "number" || first.kind === "word")) return null;
  let j = i;
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as CustomerToken;
    if (next.start !== (tokens[j] as CustomerToken).end || !ID_PART.test(next.text)) break;
    j++;
  }
  // A trailing "-" or "/" belongs to the sentence, not the identifier.
  while (j > i && TRAILING_JOINER.test((tokens[j] as CustomerToken).text)) j--;
  // The tokens touch, so their texts joined are the text they cover.
  return [j, text.slice(first.start, (tokens[j] as CustomerToken).end)];
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
  let taken: Set<number> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if ((tok.info.flags & KEYWORD) === 0) continue;
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
  for (let i = 0; i < tokens.length; i++) {
    if (taken?.has(i) || (i > 0 && tokens[i - 1]?.end === tokens[i]?.start)) continue;
    // Both shapes start with a digit; a run that starts with a word is passed over by the adjacency check above.
    if (tokens[i]?.kind !== "number") continue;
    const id = identifierAt(text, tokens, i);
    if (!id) continue;
    const pattern = PATTERNS.find(([re]) => re.test(id[1]));
    if (pattern) {
      const start = (tokens[i] as CustomerToken).start;
      const end = (tokens[id[0]] as CustomerToken).end;
      facts.push({
        kind: pattern[1],
        value: id[1],
        normalized: id[1].toUpperCase(),
        span: spanOf(text, start, end),
      });
    }
    i = id[0];
  }
  return facts;
}
