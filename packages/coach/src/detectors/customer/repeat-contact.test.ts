/** @module Tests for `repeat-contact`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectRepeatContact } from "./repeat-contact.js";

const repeat = (s: string, previousMessages?: string[]) =>
  detectRepeatContact({ text: readCustomerText(s), context: previousMessages ? { previousMessages } : {} });

describe("detectRepeatContact", () => {
  it("finds explicit repeat contact", () => {
    expect(repeat("This is the third time I'm writing about this").confidence).toBeGreaterThan(0.8);
    expect(repeat("I called last week and nobody got back to me").confidence).toBeGreaterThan(0.8);
    expect(repeat("Still waiting for a refund").confidence).toBeGreaterThan(0.8);
    expect(repeat("I've emailed you 4 times").confidence).toBeGreaterThanOrEqual(0.55);
    expect(repeat("This is not the first time I've asked").confidence).toBeGreaterThan(0.8);
  });
  it("reads ordinal contacts and a sentence opening on 'again'", () => {
    expect(repeat("This is my 5th email about this").confidence).toBeGreaterThan(0.8);
    expect(repeat("Again, where is my refund?").confidence).toBeGreaterThanOrEqual(0.7);
    expect(repeat("This is my first email").confidence).toBe(0);
  });
  it("counts a weak cue more when the sentence is about contacting", () => {
    expect(repeat("I'm writing again").confidence).toBeGreaterThan(repeat("It broke again").confidence);
  });
  it("does not read 'again' in never again or try again as repeat contact", () => {
    expect(repeat("never again").confidence).toBe(0);
    expect(repeat("I will try again tomorrow").confidence).toBe(0);
  });
  it("stays low for a first message", () => {
    expect(repeat("Hi, my order hasn't arrived yet, can you help?").confidence).toBeLessThan(0.55);
  });
  it("counts earlier messages in the case", () => {
    expect(repeat("any news?", ["where is my order", "hello??"]).confidence).toBeGreaterThan(0.55);
  });
  it("returns the spans it read", () => {
    expect(repeat("Yet again no reply").spans.map((s) => s.text)).toEqual(["Yet again"]);
  });
});
