/** @module Tests for the paraphrase detector. */
import { describe, expect, it } from "vitest";
import { inputFor } from "./input-for-tests.test-support.js";
import { detectParaphrase } from "./paraphrase.js";

const CUSTOMER =
  "I ordered the blue jacket in medium but you sent a red one in small, and when I asked for an exchange your chat said I have to pay return postage.";

describe("detectParaphrase", () => {
  it("finds a restatement in the reply's own words", () => {
    const reply =
      "So if I understand correctly, you received a small red jacket instead of the medium blue one you ordered, and were told you'd pay to send it back. That's not right and I've arranged a free return.";
    const r = detectParaphrase(inputFor(reply, CUSTOMER));
    expect(r.value).toBe(true);
    expect(r.spans[0]?.text).toMatch(/^So if I understand correctly/);
  });

  it("does not count a reply that only echoes one detail", () => {
    const r = detectParaphrase(inputFor("Sorry about the jacket. Please DM us.", CUSTOMER));
    expect(r.value).toBe(false);
  });

  it("caps a sentence copied word for word from the customer", () => {
    const r = detectParaphrase(inputFor(CUSTOMER, CUSTOMER));
    expect(r.value).toBe(false);
  });

  it("does not count our plans or policy about the same things", () => {
    const reply =
      "Under our terms, return postage for a jacket exchange is not refundable, and we will send a medium blue jacket once the small red one is back.";
    expect(detectParaphrase(inputFor(reply, CUSTOMER)).value).toBe(false);
  });

  it("does not count an unrelated reply with a frame", () => {
    const r = detectParaphrase(inputFor("It sounds like a great holiday is coming up for you!", CUSTOMER));
    expect(r.value).toBe(false);
  });
});
