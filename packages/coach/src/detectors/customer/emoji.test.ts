/** @module Tests for `emoji`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectEmoji } from "./emoji.js";

const emoji = (s: string) => detectEmoji({ text: readCustomerText(s), context: {} });

describe("detectEmoji", () => {
  it("reads angry faces as anger", () => {
    const h = emoji("my order is late again 😡🤬");
    expect(h.map((x) => x.kind)).toEqual(["emoji", "emoji"]);
    expect(h[1]?.weight).toBe(1);
  });
  it("reads an eye-roll as sarcasm", () => {
    expect(emoji("sure, tomorrow 🙄")[0]?.kind).toBe("sarcasm");
  });
  it("matches skin-tone and gendered variants", () => {
    expect(emoji("🤦🏻‍♀️")[0]?.emotions.frustration).toBeGreaterThan(0);
  });
  it("gives calm emoji no anger", () => {
    expect(emoji("thanks 🙏👍").every((x) => x.weight === 0)).toBe(true);
  });
  it("reads ASCII faces but not times or links", () => {
    expect(emoji("can't log in :(( help").map((x) => x.span.text)).toEqual([":(("]);
    expect(emoji("hmm :-/ ok")[0]?.emotions.annoyance).toBeGreaterThan(0);
    expect(emoji("at 10:30 see https://x.io/a :Dpending")).toEqual([]);
  });
});
