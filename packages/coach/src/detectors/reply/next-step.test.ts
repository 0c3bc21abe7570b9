/** @module Tests for the next_step detector. */
import { describe, expect, it } from "vitest";
import { parseTimelines } from "../../text/timeline.js";
import { tokenize } from "../../text/tokenize.js";
import type { ThreadMessage } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { detectNextStep } from "./next-step.js";

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

describe("detectNextStep", () => {
  it.each([
    "I've refunded the duplicate charge to your card.",
    "Please DM us your order number and we'll take a look.",
    "Our engineer will call you to book a visit.",
    "Have you tried restarting the router?",
    "You can reset it here: https://example.com/help/reset-password-steps",
    "Please call our team on 800-535-5225.",
  ])("finds a concrete step in %j", (reply) => {
    const r = detectNextStep(inputFor(reply));
    expect(r.value).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
    for (const s of r.spans) expect(reply.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    "Thanks for your message.",
    "Please see our website for more information.",
    "We can't refund that order.",
    "Sorry to hear that.",
  ])("finds no step in %j", (reply) => {
    const r = detectNextStep(inputFor(reply));
    expect(r.value).toBe(false);
    expect(r.suggestion).toBeTruthy();
  });
});
