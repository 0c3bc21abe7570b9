/** @module Tests for `mask-profanity`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { maskedText, maskSpan } from "./mask-profanity.js";

describe("maskedText", () => {
  it("keeps the first letter and length of each profane span", () => {
    const text = "this fucking app";
    const masked = maskedText(text, [{ start: 5, end: 12, text: "fucking" }]);
    expect(masked).toBe("this f****** app");
    expect(masked.length).toBe(text.length);
    expect(maskSpan({ start: 0, end: 12, text: "" }, masked).text).toBe("this f******");
  });
  it("returns the text unchanged with nothing to mask", () => {
    expect(maskedText("fine", [])).toBe("fine");
  });
});
