/** @module Tests for the empathy detector. */
import { describe, expect, it } from "vitest";
import { detectEmpathy } from "./empathy.js";
import { inputFor } from "./input-for-tests.test-support.js";

describe("detectEmpathy", () => {
  it("finds feelings named in the customer's specifics", () => {
    const customer = "My card was declined twice and rent is due on Monday. I'm panicking.";
    const reply =
      "A card that won't work two days before rent is due is a scary spot to be in. I've unblocked it now.";
    const r = detectEmpathy(inputFor(reply, customer));
    expect(r.value).toBe(true);
    expect(r.spans[0]?.text).toMatch(/scary spot/);
  });

  it("finds a check on someone's wellbeing", () => {
    const customer = "Mouldy cheese in the pack, and I fed some to my 9 month old!";
    expect(detectEmpathy(inputFor("Oh no, is your little one okay?", customer)).value).toBe(true);
  });

  it.each([
    "I understand your frustration. Please DM us.",
    "We apologise for any inconvenience caused.",
    "Thanks for contacting us.",
  ])("does not count the stock line %j", (reply) => {
    expect(detectEmpathy(inputFor(reply, "My order is late again.")).value).toBe(false);
  });
});
