/** @module Tests for the clarifying_question detector. */
import { describe, expect, it } from "vitest";
import { detectClarifyingQuestion } from "./clarifying-question.js";
import { inputFor } from "./input-for-tests.test-support.js";

describe("detectClarifyingQuestion", () => {
  it.each([
    "Which device are you using?",
    "Could you tell us what error you see?",
    "Please send us your order number so we can check.",
    "DM us the booking reference and we'll sort it.",
    "Can you confirm the email address on the account?",
  ])("finds a request for information in %j", (reply) => {
    const r = detectClarifyingQuestion(inputFor(reply));
    expect(r.value).toBe(true);
    expect(r.spans.length).toBeGreaterThan(0);
  });

  it.each([
    "Have you tried restarting the app?",
    "Is there anything else we can help with?",
    "See https://example.com/faq?topic=billing for details.",
    "Would you prefer a refund or a replacement?",
    "We have refunded your order.",
  ])("does not count %j", (reply) => {
    expect(detectClarifyingQuestion(inputFor(reply)).value).toBe(false);
  });
});
