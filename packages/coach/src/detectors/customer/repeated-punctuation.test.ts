/** @module Tests for `repeated-punctuation`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectRepeatedPunctuation } from "./repeated-punctuation.js";

const punct = (s: string) => detectRepeatedPunctuation({ text: readCustomerText(s), context: {} });

describe("detectRepeatedPunctuation", () => {
  it("finds runs of ! and ?", () => {
    const h = punct("Where is my refund?!?! This is a joke!!!");
    expect(h.map((x) => x.span.text)).toEqual(["?!?!", "!!!"]);
  });
  it("keeps a run split by one space together", () => {
    expect(punct("Day 6!! !").map((x) => x.span.text)).toEqual(["!! !"]);
  });
  it("weighs question runs lighter than exclamations", () => {
    const q = punct("why??")[0]?.weight ?? 0;
    const e = punct("why!!")[0]?.weight ?? 0;
    expect(q).toBeLessThan(e);
  });
  it("ignores single marks and ellipses", () => {
    expect(punct("Hello! How are you? Fine...")).toEqual([]);
  });
});
