/** @module Tests for the acknowledges detector. */
import { describe, expect, it } from "vitest";
import { detectAcknowledges } from "./acknowledges.js";
import { inputFor } from "./input-for-tests.test-support.js";

describe("detectAcknowledges", () => {
  it("finds a reply that names the customer's specific problem", () => {
    const customer = "My parcel was meant to arrive Tuesday and the tracking hasn't moved in four days.";
    const reply =
      "Sorry your parcel still hasn't arrived — I can see the tracking stalled at the depot on Tuesday.";
    const r = detectAcknowledges(inputFor(reply, customer));
    expect(r.value).toBe(true);
    expect(reply.slice(r.spans[0]?.start, r.spans[0]?.end)).toBe(r.spans[0]?.text);
  });

  it("finds a plain apology for the delay", () => {
    expect(
      detectAcknowledges(inputFor("Sorry for the long wait, Sam.", "Still waiting on hold!")).value,
    ).toBe(true);
  });

  it.each([
    "I understand.",
    "Thanks for reaching out. Please DM us.",
    "We apologize for any inconvenience.",
    "Sorry for the trouble, Sam.",
  ])("does not count the generic %j", (reply) => {
    const r = detectAcknowledges(inputFor(reply, "The app crashes every time I open my statement."));
    expect(r.value).toBe(false);
    expect(r.suggestion).toBeTruthy();
  });
});
