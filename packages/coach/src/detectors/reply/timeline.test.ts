/** @module Tests for the timeline detector. */
import { describe, expect, it } from "vitest";
import { inputFor } from "./input-for-tests.test-support.js";
import { detectTimeline } from "./timeline.js";

describe("detectTimeline", () => {
  it.each([
    "We'll update you by Friday.",
    "The refund will reach your card within 5 business days.",
    "An engineer will visit tomorrow morning.",
    "Your replacement ships on the 14th.",
    "The fix goes live by 09:55 UTC.",
    "It can take 3–5 business days to process.",
    "DM us your order number and we'll get a replacement out to you today.",
    "As I said, the engineer visit is booked for the 4th.",
  ])("finds a commitment in %j", (reply) => {
    const r = detectTimeline(inputFor(reply));
    expect(r.value).toBe(true);
    expect(r.spans[0]?.text.length).toBeGreaterThan(0);
  });

  it.each([
    "You must reply by Friday or the claim closes.",
    "Please return the item within 30 days.",
    "We shipped it last Monday.",
    "We don't have an estimated date yet.",
    "We'll sort it out soon.",
    "We're here from 8am to 8pm every day.",
    "Our technician spoke to you on Tuesday.",
    "You usually use about 2GB in a week.",
    "The embassy opens at 9:30.",
    "We can hold the room for 48 hours.",
  ])("finds no commitment in %j", (reply) => {
    const r = detectTimeline(inputFor(reply));
    expect(r.value).toBe(false);
  });

  it("says when the only date is the customer's deadline", () => {
    const r = detectTimeline(inputFor("You must send the form by Friday."));
    expect(r.suggestion).toMatch(/customer's deadline/);
  });
});
