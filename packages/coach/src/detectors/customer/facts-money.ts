/** @module Amounts with currency ("$49.99", "£20", "49,99 EUR", "Rs 500", "20 bucks"), normalised to "49.99 USD". */
import { CURRENCY_SYMBOLS, CURRENCY_WORDS } from "../../lexicons/customer-facts.js";
import { spanOf } from "../../text/tokenize.js";
import type { Fact } from "../../types.js";
import { type CustomerToken, NUMBER_FLAG } from "./customer-text.js";
import type { CustomerInput } from "./detector.js";

// Regex literals inside functions make a new RegExp object on every evaluation: these are made once.
const AMOUNT_DIGITS = /^\d[\d.,]*$/;
const DOLLAR_COUNTRY = /^(?:US|CA|AU|NZ|R)$/;
const STARTS_WITH_LETTER = /^[A-Za-z]/;

// Maps, not the lexicon objects: "20 constructor" must not read Object.prototype.constructor as a currency.
const SYMBOL_CODE = new Map(Object.entries(CURRENCY_SYMBOLS));
const WORD_CODE = new Map(Object.entries(CURRENCY_WORDS));

/** "1,299.00" → "1299.00"; "1.299,00" and "49,99" (decimal comma) → "1299.00", "49.99". */
export function normalizeAmount(raw: string): string | null {
  if (!AMOUNT_DIGITS.test(raw)) return null;
  const lastComma = raw.lastIndexOf(",");
  const lastDot = raw.lastIndexOf(".");
  let n = raw;
  if (lastComma > lastDot && raw.length - lastComma - 1 === 2) n = raw.replace(/\./g, "").replace(",", ".");
  else n = raw.replace(/,/g, "");
  const value = Number(n);
  if (!Number.isFinite(value)) return null;
  return Number.isInteger(value) && !n.includes(".") ? String(value) : value.toFixed(2);
}

function near(a: CustomerToken, b: CustomerToken): boolean {
  return b.start - a.end <= 1;
}

export function detectAmounts(input: CustomerInput): Fact[] {
  const { tokens } = input.text;
  const text = input.text.t.text;
  const facts: Fact[] = [];
  if ((input.text.flags & NUMBER_FLAG) === 0) return facts;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as CustomerToken;
    if (tok.ignored || tok.kind !== "number") continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    let code: string | undefined;
    let start = tok.start;
    let end = tok.end;
    if (prev && near(prev, tok) && SYMBOL_CODE.get(prev.text)) {
      code = SYMBOL_CODE.get(prev.text);
      start = prev.start;
      // "US$", "CA$" and "R$" name the dollar they mean.
      if (prev2 && prev2.end === prev.start && DOLLAR_COUNTRY.test(prev2.text)) {
        code = prev2.text === "R" ? "BRL" : `${prev2.text.slice(0, 2)}D`;
        start = prev2.start;
      }
    } else if (
      prev &&
      near(prev, tok) &&
      WORD_CODE.get(prev.norm) &&
      STARTS_WITH_LETTER.test(prev.text) &&
      prev.norm.length <= 3
    ) {
      code = WORD_CODE.get(prev.norm);
      start = prev.start;
    } else if (prev?.text === "." && prev2 && prev2.norm === "rs" && near(prev, tok)) {
      code = "INR";
      start = prev2.start;
    } else if (next && near(tok, next) && WORD_CODE.get(next.norm)) {
      code = WORD_CODE.get(next.norm);
      end = next.end;
    } else if (next && near(tok, next) && SYMBOL_CODE.get(next.text) && next.text !== "$") {
      code = SYMBOL_CODE.get(next.text);
      end = next.end;
    }
    if (!code) continue;
    // Normalised only once a currency is found: most numbers are not amounts.
    const amount = normalizeAmount(tok.text);
    if (amount === null) continue;
    facts.push({
      kind: "amount",
      value: text.slice(start, end),
      normalized: `${amount} ${code}`,
      span: spanOf(text, start, end),
    });
  }
  return facts;
}
