import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindOf, normalizeWord, spellingAt } from "./spellings.js";
import { tokenize } from "./tokenize.js";

/** The definition the tokenizer's ASCII fast path must agree with. */
const REFERENCE_RE =
  /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:[.,:/-]\p{N}+)*|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F])*|[!?.,;:'"“”‘’()[\]{}\-–—…]|[^\s\p{L}\p{M}\p{N}]/gu;

function reference(text: string): Array<[string, number]> {
  return [...text.matchAll(REFERENCE_RE)].map((m) => [m[0], m.index]);
}

// Characters where the fast path and the regex could part ways: joiners, separators, non-ASCII letters, digits and
// marks next to ASCII ones, spaces of both kinds, emoji.
const TRICKY = [..."aZ09'’‘“”–…-.,:/ \n\t!?\"#@*_é\u0301²٣\u00a0\u2003—😡\u200d👍🏽x"];

describe("spellings", () => {
  it("tokenises exactly as the token regex does, fast path or not", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const got = tokenize(text).tokens.map((t): [string, number] => [t.text, t.start]);
        expect(got).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("returns one shared spelling per written form, with its norm and kind", () => {
    const a = spellingAt("Don’t panic", 0, 5);
    const b = spellingAt("I Don’t", 2, 7);
    expect(a).toBe(b);
    expect(a).toMatchObject({ text: "Don’t", norm: normalizeWord("Don’t"), kind: kindOf("Don’t") });
    expect(a.norm).toBe("don't");
  });

  it("finds each spelling again among many, also after the table starts afresh", () => {
    // More distinct words than the table keeps (it starts afresh past its bound), each looked up twice.
    const words = Array.from({ length: 45_000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(" ");
    let at = 0;
    for (const w of words) {
      const first = spellingAt(text, at, at + w.length);
      expect(first.text).toBe(w);
      expect(spellingAt(` ${w}`, 1, w.length + 1)).toBe(first);
      at += w.length + 1;
    }
  });

  it("does not keep very long tokens", () => {
    const long = "x".repeat(500);
    expect(spellingAt(long, 0, 500)).not.toBe(spellingAt(long, 0, 500));
    expect(spellingAt(long, 0, 500).text).toBe(long);
  });
});
