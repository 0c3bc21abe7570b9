import { describe, expect, it } from "vitest";
import { MAX_ANALYZED_CHARS, tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("keeps offsets, contractions, numbers and emoji", () => {
    const t = tokenize("I don’t want $1,299.00 back… 😡😡 NOW!!");
    expect(t.tokens.map((x) => x.text)).toEqual([
      "I",
      "don’t",
      "want",
      "$",
      "1,299.00",
      "back",
      "…",
      "😡",
      "😡",
      "NOW",
      "!",
      "!",
    ]);
    for (const tok of t.tokens) expect(t.text.slice(tok.start, tok.end)).toBe(tok.text);
    expect(t.tokens[1]?.norm).toBe("don't");
  });

  it("splits sentences on terminal punctuation and new lines", () => {
    const t = tokenize("Where is my order?! It was due Monday.\nNobody answers");
    expect(t.sentences.map((s) => s.text)).toEqual([
      "Where is my order?!",
      "It was due Monday.",
      "Nobody answers",
    ]);
  });

  it("does not split inside numbers", () => {
    expect(tokenize("It costs 3.50 now. Really").sentences).toHaveLength(2);
  });

  it("survives empty, huge and malformed input", () => {
    expect(tokenize("").tokens).toEqual([]);
    expect(tokenize("a".repeat(MAX_ANALYZED_CHARS * 3)).text.length).toBe(MAX_ANALYZED_CHARS);
    expect(tokenize("\uD800abc\uDFFF").text).toBe("\uFFFDabc\uFFFD");
  });
});
