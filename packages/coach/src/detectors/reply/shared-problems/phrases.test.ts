/** @module Tests for the word stream and the phrase matcher. */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../../text/tokenize.js";
import { phraseSet } from "./phrases.js";
import { wordsOf } from "./words.js";

const words = (text: string) => wordsOf(tokenize(text));

describe("wordsOf", () => {
  it("expands contractions and drops handles", () => {
    expect(words("@acme We can't, sorry. I'm here").map((w) => w.w)).toEqual([
      "we",
      "can",
      "not",
      "sorry",
      "i",
      "am",
      "here",
    ]);
  });

  it("keeps the possessive apart from 'it's'", () => {
    expect(words("the courier's van, it's late").map((w) => w.w)).toEqual([
      "the",
      "courier",
      "'s",
      "van",
      "it",
      "is",
      "late",
    ]);
  });
});

describe("phraseSet", () => {
  const set = phraseSet([
    { p: "sorry ..2 if" },
    { p: "we|i can not" },
    { p: "apolog* for any?" },
    { p: "not our team" },
  ]);
  const found = (text: string) => set.find(words(text)).map((m) => m.entry.p);

  it("matches alternatives, gaps, prefixes and optional slots", () => {
    expect(found("I'm sorry if that upset you")).toEqual(["sorry ..2 if"]);
    expect(found("So sorry, truly, if it did")).toEqual(["sorry ..2 if"]);
    expect(found("We can't do that")).toEqual(["we|i can not"]);
    expect(found("Apologies for the wait")).toEqual(["apolog* for any?"]);
  });

  it("never matches across sentences, or across a comma between adjacent slots", () => {
    expect(found("I'm sorry. If you want, reply")).toEqual([]);
    expect(found("whether or not, our team will call")).toEqual([]);
  });

  it("finds every match in a long run of one sentence", () => {
    const long = words("sorry we can not if ".repeat(2000));
    const matches = set.find(long);
    // 40,000 characters: the tokenizer reads the first 20,000, so 1,000 of the repeats.
    expect(matches.filter((m) => m.entry.p === "we|i can not")).toHaveLength(1000);
    expect(matches.every((m) => m.from <= m.to && m.to < long.length)).toBe(true);
  });

  it("matches a stream already read by other sets, with sets made after it was read", () => {
    const stream = words("We can't refund it, our policy says no");
    expect(set.find(stream)).toHaveLength(1);
    const later = phraseSet([{ p: "our policy" }, { p: "refund it" }]);
    expect(later.find(stream).map((m) => m.entry.p)).toEqual(["refund it", "our policy"]);
    expect(set.find(stream)).toHaveLength(1);
  });
});

describe("phraseSet match order", () => {
  it("reports the matches at one word in pattern order, whatever their second slot", () => {
    const set = phraseSet([
      { p: "we will send", id: 1 },
      { p: "we *", id: 2 },
      { p: "we will|shall", id: 3 },
      { p: "we ..2 send", id: 4 },
      { p: "we will", id: 5 },
    ]);
    expect(set.find(words("We will send it")).map((m) => m.entry.id)).toEqual([1, 2, 3, 4, 5]);
    expect(set.find(words("We, will send it")).map((m) => m.entry.id)).toEqual([4]);
  });
});
