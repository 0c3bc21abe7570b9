/** @module Tests for the `robotic` reply detector. */
import { describe, expect, it } from "vitest";
import { detectRobotic } from "./robotic.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string, customer?: string) => detectRobotic(replyInput(reply, customer ?? null));

const customer =
  "My Trail GTX boots arrived in the wrong size (women's 7, not men's 10) and the birthday is Saturday.";

describe("detectRobotic", () => {
  it.each([
    "Your call is important to us. We value your business.",
    "We apologize for any inconvenience. Please be advised that our team will get in touch with you soon.",
    "Thank you for your patience and understanding.",
    "Dear Customer, thank you for contacting us. Is there anything else we can help you with today?",
    "Please DM us. https://t.co/abc123",
  ])("flags canned filler: %s", (reply) => {
    const r = detect(reply, customer);
    expect(r.value).toBe(true);
    expect(r.suggestion).toBeTruthy();
  });

  it("does not flag a reply built on the customer's specifics", () => {
    const reply =
      "I'm sorry we sent women's 7s instead of the men's 10 Trail GTX boots. I've sent the right pair by next-day delivery so they arrive before Saturday's birthday.";
    expect(detect(reply, customer).value).toBe(false);
  });

  it("judges the same stock phrase less robotic when the rest is specific", () => {
    const canned = detect("Thank you for your patience. Please DM us.", customer);
    const specific = detect(
      "Thank you for your patience. The men's 10 Trail GTX boots are on their way and arrive Friday, before the birthday.",
      customer,
    );
    expect(canned.value).toBe(true);
    expect(specific.value).toBe(false);
  });

  it("offers a rewrite that names the customer's problem", () => {
    const r = detect(
      "We value your business. Please be advised we are looking into it.",
      "My parcel never arrived.",
    );
    expect(r.rewrites?.[0]?.replacement).toContain("your parcel never arrived");
  });
});
