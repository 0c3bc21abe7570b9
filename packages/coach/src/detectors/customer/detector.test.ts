/** @module Tests for `detector`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { angerWeightOf } from "./detector.js";

describe("angerWeightOf", () => {
  it("counts anger fully and its milder cousins partly", () => {
    expect(angerWeightOf({ anger: 1 })).toBe(1);
    expect(angerWeightOf({ annoyance: 1 })).toBeLessThan(1);
    expect(angerWeightOf({ gratitude: 1, fear: 1 })).toBe(0);
  });
});
