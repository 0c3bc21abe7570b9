/** @module Tests for `sarcasm`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectSarcasm } from "./sarcasm.js";

const none = { sentences: new Set<number>(), message: false };
const complaining = { sentences: new Set([0, 1, 2]), message: true };
const sarcasm = (s: string, complaint = none) =>
  detectSarcasm({ text: readCustomerText(s), context: {} }, complaint);

describe("detectSarcasm", () => {
  it("finds fixed sarcastic phrases even without other complaint", () => {
    expect(sarcasm("Great, just great.").map((x) => x.span.text)).toEqual(["Great, just great"]);
    expect(sarcasm("Thanks for nothing").length).toBe(1);
    expect(sarcasm("Oh wonderful, another delay").length).toBe(1);
  });
  it("finds /s and a shouted standalone NOT", () => {
    expect(sarcasm("Love waiting on hold /s").some((x) => x.span.text === "/s")).toBe(true);
    expect(sarcasm("Such a great job guys. NOT!").some((x) => x.span.text === "NOT!")).toBe(true);
  });
  it("reads a trailing shouted NOT after praise as sarcasm", () => {
    expect(sarcasm("Wow, amazing customer service... NOT").some((x) => x.span.text === "NOT")).toBe(true);
    expect(sarcasm("I did NOT order this")).toEqual([]);
  });
  it("reads praise opening a complaining sentence as sarcasm", () => {
    const h = detectSarcasm(
      { text: readCustomerText("great, now the app crashed again"), context: {} },
      {
        sentences: new Set([0]),
        message: false,
      },
    );
    expect(h.map((x) => x.span.text)).toEqual(["great"]);
  });
  it("reads praise inside a complaint as sarcasm", () => {
    expect(sarcasm("Amazing service, my bag is lost", complaining).length).toBeGreaterThan(0);
  });
  it("leaves sincere praise alone", () => {
    expect(sarcasm("Great service today, thank you!")).toEqual([]);
    expect(sarcasm("That was very helpful")).toEqual([]);
  });
  it("reads praise in scare quotes as sarcasm", () => {
    expect(sarcasm('Thanks for the "help"').length).toBeGreaterThan(0);
  });
});
