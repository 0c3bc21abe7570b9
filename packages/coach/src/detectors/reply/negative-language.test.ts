/** @module Tests for the `negative_language` reply detector and its positive reframes. */
import { describe, expect, it } from "vitest";
import { detectNegativeLanguage } from "./negative-language.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string) => detectNegativeLanguage(replyInput(reply));

describe("detectNegativeLanguage", () => {
  it.each([
    "We can't refund this order.",
    "Unfortunately that's impossible.",
    "That's not my department.",
    "There's nothing I can do about it.",
    "There is no way to change the booking.",
    "You'll have to call the bank yourself.",
    "Our policy doesn't allow exchanges on sale items.",
    "Sale items can't be returned unless faulty.",
    "We're unable to price match another company.",
    "I'm afraid we don't have any news yet.",
  ])("flags negative framing: %s", (reply) => {
    const r = detect(reply);
    expect(r.value).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.rewrites?.[0]?.replacement).toBeTruthy();
  });

  it.each([
    "If you can't find the email, I'll resend it.",
    "I can't wait to hear how the trip goes!",
    "What I can do is send a replacement today.",
    "We're unable to see an email from you — could you resend it?",
    "Our supplier has been unable to fulfil orders on time, and I've chased them.",
  ])("leaves positive or neutral framing alone: %s", (reply) => {
    expect(detect(reply).value).toBe(false);
  });

  it("connects the customer with the right team instead of 'not my department'", () => {
    const reply = "Hi. That's not my department. Bye.";
    const rw = detect(reply).rewrites?.[0];
    expect(rw && reply.slice(rw.span.start, rw.span.end)).toBe("That's not my department.");
    expect(rw?.replacement).toMatch(/connect you with the team/);
  });
});
