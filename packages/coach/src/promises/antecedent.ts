/** @module Finds what a promise's "it" stands for ("I've released the refund and it will arrive today" → refund). */

/*
 * Only things a complaint desk promises about count, so "it was stuck at our bank" never makes the bank the thing
 * that arrives; a channel ("reach us by phone") is not a thing either. The nearest one before the promise, in the
 * same or the previous sentence, wins.
 */
const THINGS =
  /(?<!\b(?:by|via|over\s+the|on\s+the)\s+)\b(?:(?:new|replacement|corrected|revised|updated)\s+)?(?:refund|replacement|parcel|package|order|item|delivery|card|payment|credit|voucher|label|invoice|bill|cheque|money|booking|ticket|reservation|patch|device|phone|router|laptop|modem|account|claim|repair|appointment|document|form|link|code|statement|contract|quote|estimate)\b/gi;

/** The thing nearest before `to` and not before `from`, lower-cased, or null. */
export function antecedent(text: string, from: number, to: number): string | null {
  let last: string | null = null;
  for (const m of text.slice(from, to).matchAll(THINGS)) last = m[0].toLowerCase();
  return last;
}
