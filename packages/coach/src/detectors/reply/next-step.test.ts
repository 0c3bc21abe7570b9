/** @module Tests for the next_step detector. */
import { describe, expect, it } from "vitest";
import { inputFor } from "./input-for-tests.test-support.js";
import { detectNextStep } from "./next-step.js";

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

  it.each([
    ["@135060 Ring 0800 123 4567", "0800 123 4567"],
    ["@135060 Ring 1-800-FLOWERS", "1-800-FLOWERS"],
    ["@135060 Ring +44 161 496.0000", "+44 161 496.0000"],
    ["@135060 Write to help@acme.co.uk", "help@acme.co.uk"],
  ])("marks the contact in %j even after a handle", (reply, contact) => {
    const r = detectNextStep(inputFor(reply));
    expect(r.spans.map((s) => s.text)).toContain(contact);
  });
});
