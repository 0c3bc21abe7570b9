/** @module Tests for the clarifying_question detector. */
import { describe, expect, it } from "vitest";
import { parseTimelines } from "../../text/timeline.js";
import { tokenize } from "../../text/tokenize.js";
import type { ThreadMessage } from "../../types.js";
import { detectClarifyingQuestion } from "./clarifying-question.js";
import type { ReplyInput } from "./detector.js";

function inputFor(reply: string, customer: string | null = null, thread: ThreadMessage[] = []): ReplyInput {
  const t = tokenize(reply);
  return {
    reply: t,
    customer: customer === null ? null : tokenize(customer),
    customerAnalysis: null,
    thread,
    timelines: parseTimelines(t, "2026-03-11"),
    context: {},
  };
}

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
