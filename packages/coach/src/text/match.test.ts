/** @module Tests for the detectors' shared span and probability helpers. */
import { describe, expect, it } from "vitest";
import {
  capBlankRuns,
  confidenceFor,
  lowerBound,
  regexSpans,
  sentenceAt,
  squash,
  uniqueSpans,
} from "./match.js";
import { tokenize } from "./tokenize.js";

describe("match helpers", () => {
  it("returns exact spans for global regexes only, capped", () => {
    const text = "a1 b2 c3 d4";
    const spans = regexSpans(text, /\w\d/g, 3);
    expect(spans.map((s) => s.text)).toEqual(["a1", "b2", "c3"]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(regexSpans(text, /\w\d/)).toEqual([]);
  });

  it("finds the sentence holding an offset", () => {
    const t = tokenize("One here. Two there.");
    expect(sentenceAt(t, 0)).toBe(0);
    expect(sentenceAt(t, 12)).toBe(1);
    expect(sentenceAt(t, 999)).toBe(-1);
  });

  it("squashes scores into ordered probabilities", () => {
    expect(squash(2, 2)).toBe(0.5);
    expect(squash(4, 2)).toBeGreaterThan(squash(3, 2));
    expect(confidenceFor(false, 0.2)).toBe(0.8);
  });

  it("sorts and de-duplicates spans", () => {
    const a = { start: 5, end: 7, text: "xx" };
    const b = { start: 1, end: 2, text: "y" };
    expect(uniqueSpans([a, b, { ...a }])).toEqual([b, a]);
  });

  it("caps long blank runs without moving any offset", () => {
    expect(capBlankRuns("call us   now")).toBe("call us   now");
    const text = `a${" \n".repeat(20)}b`;
    const capped = capBlankRuns(text);
    expect(capped.length).toBe(text.length);
    expect(capped.indexOf("b")).toBe(text.indexOf("b"));
    expect(capped.slice(0, 17)).toBe(text.slice(0, 17));
    expect(capped).toBe(`${text.slice(0, 17)}${"\u0001".repeat(24)}b`);
  });

  it("steps over empty matches like matchAll", () => {
    expect(regexSpans("ab", /x*/g)).toEqual([]);
    expect(regexSpans("a😀b", /b?/gu).map((s) => s.start)).toEqual([3]);
  });
});

describe("lowerBound", () => {
  const id = (n: number) => n;
  it("finds the first item whose key is at least the value", () => {
    expect(lowerBound([1, 3, 3, 7], id, 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], id, 4)).toBe(3);
    expect(lowerBound([1, 3, 3, 7], id, 0)).toBe(0);
    expect(lowerBound([1, 3, 3, 7], id, 8)).toBe(4);
    expect(lowerBound([], id, 1)).toBe(0);
    expect(lowerBound([{ at: 2 }, { at: 5 }], (x) => x.at, 5)).toBe(1);
  });
});
