/** @module Tests for `caps`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { detectCaps } from "./caps.js";
import { readCustomerText } from "./customer-text.js";

const caps = (s: string) => detectCaps({ text: readCustomerText(s), context: {} });

describe("detectCaps", () => {
  it("finds shouted words and runs", () => {
    const h = caps("I have been waiting FOR THREE WEEKS and it is STILL not here");
    expect(h.map((x) => x.span.text)).toEqual(["FOR THREE WEEKS", "STILL"]);
    expect(h[0]?.weight).toBeGreaterThan(h[1]?.weight ?? 1);
  });
  it("ignores acronyms and codes", () => {
    expect(caps("UPS lost my ID card, the ATM at the USA branch ate my PIN")).toEqual([]);
  });
  it("counts common short shouted words", () => {
    expect(caps("Fix it NOW").map((x) => x.span.text)).toEqual(["NOW"]);
  });
  it("ignores single capitals and normal sentences", () => {
    expect(caps("I think A is fine. Thanks")).toEqual([]);
  });
});
