/** @module Tests for `phrase-matcher`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import {
  compilePhrases,
  compileSharedPhrases,
  matchAllPhrases,
  matchPhrases,
  mayMatch,
} from "./phrase-matcher.js";

const index = compilePhrases([
  ["thank you", "thanks"],
  ["thank you so much", "big thanks"],
  ["still waiting", "waiting"],
]);

describe("matchPhrases", () => {
  it("prefers the longest phrase and matches inflections", () => {
    const m = matchPhrases(readCustomerText("Thank you so much! Still waited for it").words, index);
    expect(m.map((x) => x.value)).toEqual(["big thanks", "waiting"]);
  });
  it("never matches across a sentence boundary", () => {
    expect(matchPhrases(readCustomerText("I am still. Waiting here").words, index)).toEqual([]);
  });
  it("matchAllPhrases reports overlapping starts", () => {
    const m = matchAllPhrases(
      readCustomerText("thank you so much").words,
      compilePhrases([
        ["thank you", 1],
        ["you so much", 2],
      ]),
    );
    expect(m.map((x) => x.value)).toEqual([1, 2]);
  });
});

describe("mayMatch", () => {
  const shared = compileSharedPhrases([["still waiting", "waiting"]]);
  it("tells from the word flags whether any phrase can start in the message", () => {
    const waiting = readCustomerText("Still waiting on my order");
    expect(mayMatch(waiting, shared)).toBe(true);
    expect(matchPhrases(waiting.words, shared).map((m) => m.value)).toEqual(["waiting"]);
    expect(mayMatch(readCustomerText("Thanks for the quick fix"), shared)).toBe(false);
  });
  it("always allows an index compiled per call", () => {
    expect(mayMatch(readCustomerText("Thanks for the quick fix"), index)).toBe(true);
  });
});

describe("shared lexicons", () => {
  const lexicon = compileSharedPhrases([
    ["still", "one word"],
    ["still waiting", "two words"],
    ["still waiting on", "three words"],
  ]);
  it("fall back to the one-word phrase when the next word starts no longer one", () => {
    const read = (s: string) => matchPhrases(readCustomerText(s).words, lexicon).map((m) => m.value);
    expect(read("Still here, still waiting on it")).toEqual(["one word", "three words"]);
    expect(read("still waiting")).toEqual(["two words"]);
    expect(read("I am still. Waiting on it")).toEqual(["one word"]);
    expect(read("still")).toEqual(["one word"]);
  });
});
