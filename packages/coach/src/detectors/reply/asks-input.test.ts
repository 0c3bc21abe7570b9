/** @module Tests for the asks_input detector. */
import { describe, expect, it } from "vitest";
import { detectAsksInput } from "./asks-input.js";
import { inputFor } from "./input-for-tests.test-support.js";

describe("detectAsksInput", () => {
  it.each([
    "Would you prefer a replacement or a refund?",
    "What would work best for you?",
    "Shall I add one to both legs, or just the outbound?",
    "I can call your mobile or the landline. Which suits you better?",
    "Want me to move you over?",
    "It's entirely up to you.",
  ])("finds an invitation in %j", (reply) => {
    const r = detectAsksInput(inputFor(reply));
    expect(r.value).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    "We have refunded your order.",
    "Which store did you buy it from?",
    "May we know which device you use?",
    "Are other services down or just the TV?",
  ])("finds none in %j", (reply) => {
    expect(detectAsksInput(inputFor(reply)).value).toBe(false);
  });
});
