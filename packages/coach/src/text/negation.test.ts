/** @module Tests for negation scope. */
import { describe, expect, it } from "vitest";
import { isNegated, isNegator } from "./negation.js";
import { tokenize } from "./tokenize.js";

function negatedWord(text: string, word: string): boolean {
  const t = tokenize(text);
  return isNegated(
    t.tokens,
    t.tokens.findIndex((x) => x.norm === word),
  );
}

describe("negation", () => {
  it("recognises negators and contractions", () => {
    expect(isNegator("not")).toBe(true);
    expect(isNegator("can't")).toBe(true);
    expect(isNegator("now")).toBe(false);
  });

  it("scopes over the next few words of the clause only", () => {
    expect(negatedWord("We can't refund this order.", "refund")).toBe(true);
    expect(negatedWord("We will not be able to refund it.", "refund")).toBe(false);
    expect(negatedWord("I can't promise, but we will refund it.", "refund")).toBe(false);
    expect(negatedWord("Never. We refund it today.", "refund")).toBe(false);
    expect(negatedWord("We refund it.", "missing")).toBe(false);
  });
});
