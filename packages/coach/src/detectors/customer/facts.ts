/** @module All facts in a customer message, without overlaps (identifiers win over dates, amounts and phones). */
import type { Fact } from "../../types.js";
import type { CustomerInput } from "./detector.js";
import { detectEmails, detectPhones } from "./facts-contacts.js";
import { detectDates } from "./facts-dates.js";
import { detectIdentifiers } from "./facts-identifiers.js";
import { detectAmounts } from "./facts-money.js";
import { detectProducts } from "./facts-products.js";

export function detectFacts(input: CustomerInput): Fact[] {
  // Order is priority: a span claimed by an earlier kind is not reported again by a later one.
  const all = detectEmails(input);
  for (const more of [
    detectIdentifiers(input),
    detectAmounts(input),
    detectDates(input),
    detectPhones(input),
    detectProducts(input),
  ])
    for (const f of more) all.push(f);
  // Most messages state no fact at all, and one fact cannot overlap another.
  if (all.length <= 1) return all;
  const taken = new Uint8Array(input.text.t.text.length + 1);
  const kept: Fact[] = [];
  for (const f of all) {
    let free = true;
    for (let c = f.span.start; c < f.span.end && free; c++) free = taken[c] === 0;
    if (!free) continue;
    taken.fill(1, f.span.start, f.span.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
