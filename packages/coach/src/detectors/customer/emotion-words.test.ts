/** @module Tests for `emotion-words`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectEmotionWords } from "./emotion-words.js";

const hits = (s: string) => detectEmotionWords({ text: readCustomerText(s), context: {} });

describe("detectEmotionWords", () => {
  it("finds anger words and phrases with their emotions", () => {
    const h = hits("This is absolutely ridiculous, I'm fed up");
    expect(h.map((x) => x.kind)).toContain("anger_word");
    expect(h.some((x) => x.span.text === "fed up" && (x.emotions.frustration ?? 0) > 0.5)).toBe(true);
  });
  it("boosts a word after an intensifier", () => {
    const plain = hits("I am furious").find((x) => x.kind === "anger_word")?.weight ?? 0;
    const boosted = hits("I am extremely furious").find((x) => x.kind === "anger_word")?.weight ?? 0;
    expect(boosted).toBeGreaterThan(plain);
    expect(
      hits("I am extremely furious").some((x) => x.kind === "intensifier" && x.span.text === "extremely"),
    ).toBe(true);
  });
  it("cancels negated negative words", () => {
    expect(hits("I'm not angry, just curious").filter((x) => x.kind === "anger_word")).toEqual([]);
  });
  it("reads a negated positive as discontent", () => {
    const h = hits("I am not happy with this");
    expect(h).toEqual([
      expect.objectContaining({
        kind: "negated_positive",
        span: expect.objectContaining({ text: "not happy" }),
      }),
    ]);
  });
  it("reads a negated service verb as a failure", () => {
    const h = hits("I never received my parcel");
    expect(h[0]?.kind).toBe("negated_positive");
    expect(h[0]?.emotions.frustration).toBeGreaterThan(0);
  });
  it("turns negated thanks into annoyance, not gratitude", () => {
    const h = hits("No thanks.");
    expect(h[0]?.emotions.gratitude).toBeUndefined();
    expect(h[0]?.emotions.annoyance).toBeGreaterThan(0);
  });
  it("negation scope stops at but", () => {
    const h = hits("It is not cheap but I am happy");
    expect(h.some((x) => x.kind === "negated_positive")).toBe(false);
  });
  it("reads quoted words with less weight", () => {
    const direct = hits("this is ridiculous")[0]?.weight ?? 0;
    const quoted = hits('he said "this is ridiculous" jokingly')[0]?.weight ?? 0;
    expect(quoted).toBeLessThan(direct);
  });
});
