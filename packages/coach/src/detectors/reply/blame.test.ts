/** @module Tests for the `blame` reply detector and its neutral rewrites. */
import { describe, expect, it } from "vitest";
import { detectBlame } from "./blame.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string) => detectBlame(replyInput(reply));

describe("detectBlame", () => {
  it.each([
    "You should have read the terms before booking.",
    "You failed to cancel within the 14-day window.",
    "As stated in the terms you agreed to, the fee is non-refundable.",
    "That's the courier's fault, not ours.",
    "The warehouse messed up your order.",
    "This is not our fault.",
    "As I already said, the refund was issued on Monday.",
    "Like I told you yesterday, the engineer is booked.",
    "To be clear, we did nothing wrong here.",
    "If you'd given us a meter reading we wouldn't have had to estimate.",
    "It is the buyer's responsibility to check the history.",
    "Deliveries are handled by a separate company, so please contact them.",
  ])("flags blame or defensiveness: %s", (reply) => {
    const r = detect(reply);
    expect(r.value).toBe(true);
    expect(r.spans.length).toBeGreaterThan(0);
    expect(r.rewrites?.length).toBeGreaterThan(0);
  });

  it.each([
    "You should have received a confirmation email — I've resent it just now.",
    "It's not your fault at all; these scams are very convincing.",
    "I've refunded the charge and it will show within 3 days.",
    "That's our mistake, and I'm sorry. I've sent the right size today.",
  ])("leaves ownership alone: %s", (reply) => {
    expect(detect(reply).value).toBe(false);
  });

  it("swaps a defensive opener in place", () => {
    const reply = "As I already said, the refund was issued on Monday.";
    const rw = detect(reply).rewrites?.[0];
    expect(rw?.replacement).toBe("To recap,");
    expect(rw && reply.slice(rw.span.start, rw.span.end)).toBe("As I already said,");
  });

  it("rewrites a customer-blaming sentence into neutral wording", () => {
    const reply = "Hi Sam. You should have read the terms. I can offer a voucher.";
    const rw = detect(reply).rewrites?.[0];
    expect(rw && reply.slice(rw.span.start, rw.span.end)).toBe("You should have read the terms.");
    expect(rw?.replacement).not.toMatch(/you should/i);
  });
});
