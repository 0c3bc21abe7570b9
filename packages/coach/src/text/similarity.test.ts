/** @module Tests for content-word overlap, concepts and verbatim detection. */
import { describe, expect, it } from "vitest";
import { contentProfile, overlap, profileOf, sentenceOverlaps, verbatimShare } from "./similarity.js";
import { tokenize } from "./tokenize.js";

describe("similarity", () => {
  it("shares stems across inflections and ignores function and generic support words", () => {
    const a = profileOf(tokenize("Sorry, you were charged twice for the jacket."));
    const b = profileOf(tokenize("Why did you charge me twice for my jacket? Please help!"));
    const o = overlap(a, b);
    expect(o.shared.sort()).toEqual(["charg", "jacket", "twic"].sort());
    expect(a.stems.has("sorri")).toBe(false);
    expect(b.stems.has("help")).toBe(false);
  });

  it("meets synonyms through concepts", () => {
    const a = profileOf(tokenize("Your parcel is running late."));
    const b = profileOf(tokenize("The delivery is delayed again."));
    expect(overlap(a, b).sharedConcepts).toEqual(expect.arrayContaining(["~delay", "~delivery"]));
  });

  it("ignores handles and links", () => {
    const p = profileOf(tokenize("@AmazonHelp see https://t.co/abcDEF"));
    expect(p.stems.has("amazonhelp")).toBe(false);
    expect(p.stems.has("abcdef")).toBe(false);
  });

  it("counts each reply sentence's overlap with the customer as the profiles do, once per pair", () => {
    const customer = tokenize(
      "My parcel is late again and the late parcel was damaged. Refund the parcel now!",
    );
    const reply = tokenize(
      "Sorry your parcel is late, a late parcel is awful. We will refund the damaged parcel. Hi.",
    );
    const counts = sentenceOverlaps(reply, customer);
    expect(sentenceOverlaps(reply, customer)).toBe(counts);
    expect(counts).toHaveLength(3);
    reply.sentences.forEach((s, i) => {
      const own = contentProfile(reply, s.tokenStart, s.tokenEnd);
      const o = overlap(own, profileOf(customer));
      expect(counts[i]).toEqual({
        stems: own.stems.size,
        shared: o.shared.length,
        sharedConcepts: o.sharedConcepts.length,
        sharedBigrams: o.sharedBigrams,
      });
    });
    expect(counts[0]?.sharedBigrams).toBe(2);
    expect(sentenceOverlaps(tokenize("One. ".repeat(100)), customer)).toHaveLength(40);
    expect(contentProfile(reply, 0, 0).stems.size).toBe(0);
  });

  it("measures verbatim copying by five-word runs", () => {
    const customer = tokenize("the blue jacket arrived with a torn sleeve yesterday");
    const copy = tokenize("the blue jacket arrived with a torn sleeve");
    const own = tokenize("your jacket came damaged, with the sleeve ripped");
    expect(verbatimShare(copy, 0, copy.tokens.length, customer)).toBe(1);
    expect(verbatimShare(own, 0, own.tokens.length, customer)).toBe(0);
  });
});
