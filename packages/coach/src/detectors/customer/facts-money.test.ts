/** @module Tests for `facts-money`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectAmounts, normalizeAmount } from "./facts-money.js";

const amounts = (s: string) =>
  detectAmounts({ text: readCustomerText(s), context: {} }).map((f) => [f.value, f.normalized]);

describe("normalizeAmount", () => {
  it("handles thousands separators and decimal commas", () => {
    expect(normalizeAmount("1,299.00")).toBe("1299.00");
    expect(normalizeAmount("1.299,50")).toBe("1299.50");
    expect(normalizeAmount("49,99")).toBe("49.99");
    expect(normalizeAmount("350")).toBe("350");
  });
});

describe("detectAmounts", () => {
  it("reads symbols, codes and currency words", () => {
    expect(amounts("charged $49.99 twice, plus £20 and 15 EUR, and Rs. 500, 20 bucks")).toEqual([
      ["$49.99", "49.99 USD"],
      ["£20", "20 GBP"],
      ["15 EUR", "15 EUR"],
      ["Rs. 500", "500 INR"],
      ["20 bucks", "20 USD"],
    ]);
  });
  it("ignores numbers without currency", () => {
    expect(amounts("I waited 45 minutes for 3 people")).toEqual([]);
  });
});
