/** @module Tests for `profanity`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectProfanity, profanityOf } from "./profanity.js";

const prof = (s: string) => detectProfanity({ text: readCustomerText(s), context: {} });

describe("profanityOf", () => {
  it("grades strong and mild words, with endings and elongation", () => {
    expect(profanityOf("fuuuuucking")).toBe("strong");
    expect(profanityOf("shitty")).toBe("strong");
    expect(profanityOf("damned")).toBe("mild");
    expect(profanityOf("hello")).toBeNull();
    expect(profanityOf("assistant")).toBeNull();
    expect(profanityOf("classic")).toBeNull();
    expect(profanityOf("as")).toBeNull();
    expect(profanityOf("ass")).toBe("mild");
    expect(profanityOf("pissed")).toBe("strong");
  });
});

describe("detectProfanity", () => {
  it("finds masked profanity", () => {
    expect(prof("what the f*** is this").map((x) => x.span.text)).toEqual(["f***"]);
    expect(prof("for **** sake").map((x) => x.span.text)).toEqual(["****"]);
    expect(prof("sh*t service").map((x) => x.span.text)).toEqual(["sh*t"]);
  });
  it("does not take *emphasis* for masking", () => {
    expect(prof("I am *not* happy")).toEqual([]);
  });
  it("finds profanity inside hashtags", () => {
    expect(prof("#shittycustomerservice")[0]?.strong).toBe(true);
  });
  it("marks profanity praising or opening a sentence as an exclamation", () => {
    expect(prof("fucking awesome service, thank you!")[0]?.exclamation).toBe(true);
    expect(prof("Damn, you guys are fast")[0]?.exclamation).toBe(true);
    expect(prof("you damn thieves")[0]?.exclamation).toBe(false);
  });
  it("reads pissed off as the writer's own state", () => {
    expect(prof("P***ed off!")[0]?.exclamation).toBe(true);
    expect(prof("so pissed off right now")[0]?.exclamation).toBe(true);
  });
  it("marks exclamations of surprise or joy", () => {
    expect(prof("holy shit it works")[0]?.exclamation).toBe(true);
    expect(prof("this is shit")[0]?.exclamation).toBe(false);
  });
  it("ignores handles and links", () => {
    expect(prof("@shitbot see https://x.io/fuck")).toEqual([]);
  });
});
