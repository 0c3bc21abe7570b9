import { describe, expect, it } from "vitest";
import { extractFeatures, FeatureBuffer, type FeatureConfig } from "./hash-features.js";

const WORDS: FeatureConfig = { hashBits: 18, bigrams: false, charNgram: 0 };

function ids(text: string, cfg: FeatureConfig = WORDS): number[] {
  const buf = new FeatureBuffer(2);
  extractFeatures(text, cfg, buf);
  return Array.from(buf.ids.subarray(0, buf.length));
}

describe("extractFeatures", () => {
  it("is deterministic and ignores case and curly apostrophes", () => {
    expect(ids("Don’t stop")).toEqual(ids("don't STOP").filter((_, i) => i !== 1));
    expect(ids("hello world")).toEqual(ids("hello world"));
  });
  it("emits one id per word, `!`, `?` and emoji, plus a marker for shouted words", () => {
    expect(ids("refund now!? 😡")).toHaveLength(5);
    expect(ids("REFUND now")).toHaveLength(3);
    expect(ids("OK now")).toHaveLength(2);
  });
  it("adds bigrams inside a clause but not across a comma", () => {
    const cfg = { ...WORDS, bigrams: true };
    expect(ids("very late order", cfg)).toHaveLength(5);
    expect(ids("late, order", cfg)).toHaveLength(2);
  });
  it("adds character n-grams with word boundaries", () => {
    // "<late>" has 3 four-grams: <lat, late, ate>
    expect(ids("late", { ...WORDS, charNgram: 4 })).toHaveLength(4);
  });
  it("keeps ids inside the hash space", () => {
    const small = { ...WORDS, hashBits: 4 };
    expect(ids("a quick brown fox jumps over the lazy dog", small).every((id) => id >= 0 && id < 16)).toBe(
      true,
    );
  });
});
