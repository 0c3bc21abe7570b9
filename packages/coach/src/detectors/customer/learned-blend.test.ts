/** @module Tests for `learned-blend`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { EMOTIONS, type Emotion } from "../../types.js";
import { blendLearned, type RuleReading } from "./learned-blend.js";

const zero = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Record<Emotion, number>;
const rules: RuleReading = { anger: 20, emotions: { ...zero, gratitude: 0.5 }, abuseConfidence: 0.3 };

describe("blendLearned", () => {
  it("returns the rules unchanged when no model is available", () => {
    expect(blendLearned(rules, null)).toBe(rules);
  });
  it("blends GoEmotions probabilities into emotions and anger", () => {
    const out = blendLearned(rules, {
      goemotions: { anger: 0.9, annoyance: 0.6, nervousness: 0.8, gratitude: 0 },
      offensive: { hate: 0, offensive: 0.1, neither: 0.9 },
    });
    expect(out.anger).toBeGreaterThan(rules.anger);
    expect(out.emotions.anger).toBeGreaterThan(0);
    expect(out.emotions.fear).toBeGreaterThan(0);
    expect(out.emotions.gratitude).toBeLessThan(0.5);
  });
  it("lets the offensive probability raise abuse confidence but never lower it", () => {
    const high = blendLearned(rules, {
      goemotions: {},
      offensive: { hate: 0.1, offensive: 0.9, neither: 0 },
    });
    const low = blendLearned(rules, { goemotions: {}, offensive: { hate: 0, offensive: 0, neither: 1 } });
    expect(high.abuseConfidence).toBeGreaterThan(rules.abuseConfidence);
    expect(low.abuseConfidence).toBe(rules.abuseConfidence);
  });
  it("treats missing or broken probabilities as zero", () => {
    const out = blendLearned(rules, {
      goemotions: { anger: Number.NaN },
      offensive: { hate: 0, offensive: 0, neither: 1 },
    });
    expect(Number.isFinite(out.anger)).toBe(true);
  });
});
