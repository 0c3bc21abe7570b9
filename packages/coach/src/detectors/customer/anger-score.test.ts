/** @module Tests for `anger-score`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { ANGER_LEVEL_CUTS, angerFromRaw, angerLevelOf, rawAnger } from "./anger-score.js";

describe("anger score", () => {
  it("maps no evidence to 0 and grows with evidence, bounded by 100", () => {
    expect(angerFromRaw(0)).toBe(0);
    expect(angerFromRaw(1)).toBeLessThan(angerFromRaw(2));
    expect(angerFromRaw(100)).toBeLessThanOrEqual(100);
  });
  it("caps what one kind of cue can add", () => {
    const many = Array.from({ length: 20 }, () => ({ kind: "caps" as const, weight: 0.9 }));
    expect(rawAnger(many, 0)).toBeLessThan(2);
  });
  it("lets calm evidence lower the score a little, never below zero", () => {
    const s = [{ kind: "anger_word" as const, weight: 1 }];
    expect(rawAnger(s, 1)).toBeLessThan(rawAnger(s, 0));
    expect(rawAnger([], 5)).toBe(0);
  });
  it("turns scores into levels at the calibrated cuts", () => {
    expect(angerLevelOf(0)).toBe(0);
    expect(angerLevelOf(ANGER_LEVEL_CUTS[0])).toBe(1);
    expect(angerLevelOf(ANGER_LEVEL_CUTS[1])).toBe(2);
    expect(angerLevelOf(100)).toBe(3);
  });
});
