/** @module Tests for `emotions`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import type { EmotionHit } from "./detector.js";
import { calmEvidence, foldEmotions } from "./emotions.js";

const hit = (sentence: number, start: number, emotions: EmotionHit["emotions"]): EmotionHit => ({
  kind: "anger_word",
  span: { start, end: start + 1, text: "x" },
  sentence,
  emotions,
  weight: 0,
});

describe("foldEmotions", () => {
  it("keeps every score between 0 and 1 and grows with evidence", () => {
    const none = { sarcastic: new Set<number>(), contrasted: [] };
    const one = foldEmotions([hit(0, 0, { anger: 0.8 })], none);
    const three = foldEmotions(
      [hit(0, 0, { anger: 0.8 }), hit(0, 2, { anger: 0.8 }), hit(0, 4, { anger: 0.8 })],
      none,
    );
    expect(one.anger).toBeGreaterThan(0);
    expect(three.anger).toBeGreaterThan(one.anger);
    expect(three.anger).toBeLessThanOrEqual(1);
    expect(one.gratitude).toBe(0);
  });
  it("discounts gratitude in sarcastic sentences and before a contrast", () => {
    const thanks = [hit(0, 0, { gratitude: 0.8 })];
    const plain = foldEmotions(thanks, { sarcastic: new Set(), contrasted: [] }).gratitude;
    expect(foldEmotions(thanks, { sarcastic: new Set([0]), contrasted: [] }).gratitude).toBeLessThan(plain);
    expect(foldEmotions(thanks, { sarcastic: new Set(), contrasted: [[0, 10]] }).gratitude).toBeLessThan(
      plain,
    );
    expect(calmEvidence(thanks, { sarcastic: new Set([0]), contrasted: [] })).toBeLessThan(0.8);
  });
});
