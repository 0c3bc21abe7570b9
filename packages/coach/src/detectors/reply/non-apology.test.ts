/** @module Tests for the `non_apology` reply detector and its plain-apology rewrites. */
import { describe, expect, it } from "vitest";
import { detectNonApology } from "./non-apology.js";
import { replyInput } from "./shared-problems/reply-input.js";

const detect = (reply: string, customer?: string) => detectNonApology(replyInput(reply, customer ?? null));

describe("detectNonApology", () => {
  it.each([
    "I'm sorry if you feel that way.",
    "We apologise for any inconvenience this may have caused.",
    "I apologize, but our policy is clear on this.",
    "We regret that you were unhappy with the service.",
    "Sorry you feel that way. Exit fees are in your terms.",
    "I'm sorry your order wasn't delivered. The carrier should provide a reason.",
    "Sorry, that is not possible.",
    "Sorry for any frustration!",
    "I can only apologise for the inconvenience.",
  ])("flags a hedged or blame-shifting apology: %s", (reply) => {
    const r = detect(reply);
    expect(r.value).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.suggestion).toBeTruthy();
  });

  it.each([
    "I'm sorry we sent the wrong size — I've posted the right pair today.",
    "Sorry for the delay, here's your tracking link.",
    "Sorry to hear that. Could you send the order number?",
    "I'm sorry — you were charged twice and that's our mistake, not something you should have had to catch.",
  ])("leaves a plain apology or sympathy alone: %s", (reply) => {
    expect(detect(reply).value).toBe(false);
  });

  it("rewrites to a plain apology about the customer's own problem", () => {
    const reply = "Hi Ana, we're sorry for any inconvenience this may have caused. A new one is on its way.";
    const r = detect(reply, "My order arrived damaged and nobody has replied to me.");
    const rw = r.rewrites?.[0];
    expect(rw?.replacement).toBe("I'm sorry your order arrived damaged");
    expect(rw && reply.slice(rw.span.start, rw.span.end)).toBe(
      "we're sorry for any inconvenience this may have caused",
    );
  });

  it("falls back to a generic plain apology without a customer message", () => {
    const r = detect("Sorry if this caused you any trouble.");
    expect(r.rewrites?.[0]?.replacement).toMatch(/^I'm sorry for the trouble/);
  });
});

describe("detectNonApology 'sorry, but' rewrite", () => {
  it("turns 'sorry, but' into a plain apology and keeps the rest of the sentence", () => {
    const reply = "I'm sorry, but we're unable to work around this.";
    const r = detectNonApology(replyInput(reply, "My account was locked for no reason."));
    const rw = r.rewrites?.[0];
    expect(rw).toBeDefined();
    if (!rw) return;
    const fixed = reply.slice(0, rw.span.start) + rw.replacement + reply.slice(rw.span.end);
    expect(fixed).toBe("I'm sorry your account was locked for no reason. We're unable to work around this.");
  });
});

describe("detectNonApology blame-shift rewrite", () => {
  it("replaces the apology sentence that the blame takes back", () => {
    const reply = "Sorry for the trouble caused. The carrier should provide a reason.";
    const r = detectNonApology(replyInput(reply, "My parcel never arrived."));
    const rw = r.rewrites?.[0];
    expect(rw?.span.text).toBe("Sorry for the trouble caused.");
    expect(rw?.replacement).toBe("I'm sorry your parcel never arrived.");
  });
});
