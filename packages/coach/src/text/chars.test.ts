import { describe, expect, it } from "vitest";
import { isWordChar, someDigitRun } from "./chars.js";

describe("someDigitRun", () => {
  it("offers each maximal run of digits, and stops at the first that passes", () => {
    const runs: string[] = [];
    const text = "a12 b3456 x7";
    someDigitRun(text, (start, end) => {
      runs.push(text.slice(start, end));
      return false;
    });
    expect(runs).toEqual(["12", "3456", "7"]);
    expect(someDigitRun(text, (start, end) => end - start === 4)).toBe(true);
    expect(someDigitRun("no digits", () => true)).toBe(false);
  });

  it("counts letters, digits and the underscore as word characters, as \\w does", () => {
    for (let c = 0; c < 128; c++) expect(isWordChar(c)).toBe(/\w/.test(String.fromCharCode(c)));
  });
});
