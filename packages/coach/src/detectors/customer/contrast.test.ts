/** @module Tests for `contrast`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { detectContrast } from "./contrast.js";
import { readCustomerText } from "./customer-text.js";
import { detectEmotionWords } from "./emotion-words.js";

function contrast(s: string) {
  const input = { text: readCustomerText(s), context: {} };
  return detectContrast(input, detectEmotionWords(input));
}

describe("detectContrast", () => {
  it("discounts thanks before a but that a complaint follows", () => {
    const c = contrast("Thanks for the reply but this is unacceptable");
    expect(c.hits).toHaveLength(1);
    expect(c.discounted).toEqual([[0, 21]]);
  });
  it("ignores a but with no praise before it", () => {
    expect(contrast("I tried again but it is still broken").hits).toEqual([]);
  });
  it("keeps a contrast that ends well as a discount without a signal", () => {
    const c = contrast("Thanks, but I think I'm fine now");
    expect(c.hits).toEqual([]);
    expect(c.discounted).toHaveLength(1);
  });
});
