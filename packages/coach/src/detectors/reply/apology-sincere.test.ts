/** @module Tests for the `apology_sincere` reply detector. */
import { describe, expect, it } from "vitest";
import { detectApologySincere } from "./apology-sincere.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string, customer?: string) =>
  detectApologySincere(replyInput(reply, customer ?? null));

describe("detectApologySincere", () => {
  it.each([
    "I'm sorry we shipped the wrong size.",
    "My apologies for the delay, Sam.",
    "We're so sorry about this! Can you DM us the order number?",
    "Hi Len, sorry your code isn't working. It should be fixed now.",
    "Apologies for the trouble. I've refunded the charge.",
  ])("owns the experience: %s", (reply) => {
    const r = detect(reply);
    expect(r.value).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
    for (const s of r.spans) expect(reply.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    "Sorry to hear about your trip. Which station were you at?",
    "I'm so sorry about your mum. I've cancelled the booking for you.",
    "Sorry if you feel that way.",
    "I'm sorry, but our policy doesn't allow refunds after 30 days.",
    "We apologize for any inconvenience this may have caused.",
    "Sorry, can you give us a bit more information?",
    "Thanks, I've updated your address.",
  ])("is not a sincere apology: %s", (reply) => {
    expect(detect(reply).value).toBe(false);
  });

  it("returns a confident false for empty input", () => {
    const r = detect("");
    expect(r.value).toBe(false);
    expect(r.confidence).toBeGreaterThan(0.5);
  });
});
