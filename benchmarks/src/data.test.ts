/** @module Tests for the benchmark data loaders' parsing and mixing rules. */
import { describe, expect, it } from "vitest";
import { type Corpus, mixedMessages, pairTurns, parseCsv } from "./data.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const rows = parseCsv('a,b,tweet\n1,2,"hi, ""you""\nthere"\r\n3,4,plain\n');
    expect(rows).toEqual([
      ["a", "b", "tweet"],
      ["1", "2", 'hi, "you"\nthere'],
      ["3", "4", "plain"],
    ]);
  });
});

describe("pairTurns", () => {
  it("joins consecutive customer turns and pairs them with the next agent turn", () => {
    const pairs = pairTurns([
      { customer: true, text: "one" },
      { customer: true, text: "two" },
      { customer: false, text: "reply A" },
      { customer: false, text: "reply B" },
      { customer: true, text: "three" },
    ]);
    expect(pairs).toEqual([{ customer: "one\ntwo", reply: "reply A" }]);
  });
});

describe("mixedMessages", () => {
  const corpus: Corpus = {
    customerTurns: ["c1", "c2", "c3"],
    agentReplies: [],
    pairs: [],
    goEmotions: ["g1"],
    davidson: ["d1", "d2"],
  };

  it("interleaves the sources in a fixed order and stops at the count", () => {
    expect(mixedMessages(corpus, 4)).toEqual(["c1", "g1", "d1", "c2"]);
  });

  it("keeps drawing from the longer sources once a short one runs out", () => {
    expect(mixedMessages(corpus, 10)).toEqual(["c1", "g1", "d1", "c2", "d2", "c3"]);
  });
});
