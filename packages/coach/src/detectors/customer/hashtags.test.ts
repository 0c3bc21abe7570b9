/** @module Tests for `hashtags`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectHashtags } from "./hashtags.js";

const tags = (s: string) => detectHashtags({ text: readCustomerText(s), context: {} });

describe("detectHashtags", () => {
  it("finds complaint roots inside hashtags", () => {
    expect(tags("late again #SouthwestSucks #worstservice").map((x) => x.span.text)).toEqual([
      "SouthwestSucks",
      "worstservice",
    ]);
  });
  it("ignores neutral hashtags and plain words", () => {
    expect(tags("#travel #blessed the worst")).toEqual([]);
  });
});
