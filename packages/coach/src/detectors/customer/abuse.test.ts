/** @module Tests for `abuse`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { detectAbuse } from "./abuse.js";
import { readCustomerText } from "./customer-text.js";
import { detectProfanity } from "./profanity.js";

function abuse(s: string) {
  const input = { text: readCustomerText(s), context: {} };
  return detectAbuse(input, detectProfanity(input));
}

describe("detectAbuse", () => {
  it("flags insults aimed at the agent or company", () => {
    expect(abuse("You are useless idiots").confidence).toBeGreaterThanOrEqual(0.8);
    expect(abuse("your staff are liars").spans.map((s) => s.text)).toEqual(["liars"]);
    expect(abuse("@BigBank you suck").confidence).toBeGreaterThanOrEqual(0.5);
  });
  it("flags profanity aimed at us", () => {
    expect(abuse("fuck you and your airline").confidence).toBeGreaterThanOrEqual(0.8);
  });
  it("does not flag profanity as an exclamation", () => {
    expect(abuse("holy shit it works, thank you!").confidence).toBe(0);
  });
  it("keeps the target within the insult's clause", () => {
    expect(abuse("the other driver was a moron but you were great").confidence).toBe(0);
  });
  it("does not flag insults aimed at a third party", () => {
    expect(abuse("the other sellers are idiots").confidence).toBe(0);
    expect(abuse("my brother is a moron lol").confidence).toBe(0);
  });
  it("does not flag criticism of a thing, negated insults or quoted text", () => {
    expect(abuse("pathetic service today").confidence).toBeLessThan(0.5);
    expect(abuse("your team is not incompetent, just understaffed").confidence).toBeLessThan(0.5);
    expect(abuse('my son keeps saying "you idiot" at the TV').confidence).toBeLessThan(0.5);
  });
  it("reads mild profanity as abuse only when aimed directly", () => {
    expect(abuse("why the hell is it late").confidence).toBe(0);
    expect(abuse("you are crap").confidence).toBeGreaterThanOrEqual(0.5);
  });
});
