/** @module Whole-shape and robustness tests for `coachReply`: every label, score, fixes and timelines, on any input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCustomer } from "./analyze-customer.js";
import { coachReply } from "./coach-reply.js";
import { REPLY_LABELS, type ReplyCoaching } from "./types.js";

const CUSTOMER =
  "I was charged twice for order #4471 and nobody has answered my emails. Rent is due on Friday and this is really stressing me out.";
const GOOD =
  "Hi Sam, I'm sorry — you were charged twice for order #4471 and we didn't answer your emails, which isn't good enough. " +
  "With rent due on Friday, a double charge is a real worry and I completely get why you're stressed. " +
  "I've refunded the duplicate charge today and it will be back on your card within 3 business days. " +
  "I'll check in with you on Thursday to confirm it has landed. Would you prefer an email or a text when it does?";
const BLAMING =
  "We're sorry if you feel that way, but you should have checked your statement before emailing us. " +
  "That's the bank's fault, not ours. As I already told you, there is nothing we can do.";

function expectWellFormed(c: ReplyCoaching, reply: string): void {
  expect(Object.keys(c.labels).sort()).toEqual([...REPLY_LABELS].sort());
  expect(Number.isInteger(c.score)).toBe(true);
  expect(c.score).toBeGreaterThanOrEqual(0);
  expect(c.score).toBeLessThanOrEqual(100);
  expect(c.fixes.length).toBeLessThanOrEqual(3);
  for (const f of c.fixes) expect(typeof f).toBe("string");
  const analysed = reply.slice(0, 20_000);
  for (const label of REPLY_LABELS) {
    const r = c.labels[label];
    expect(r.label).toBe(label);
    expect(typeof r.value).toBe("boolean");
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    for (const s of r.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
      // Lone surrogates are replaced before analysis, so compare lengths rather than text there.
      expect(s.end).toBeLessThanOrEqual(analysed.length);
    }
  }
  for (const t of c.timelines) expect(t.span.end).toBeLessThanOrEqual(analysed.length);
}

describe("coachReply", () => {
  it("scores a specific, empathetic reply with a step and a date at 80 or more", () => {
    const c = coachReply(GOOD, CUSTOMER, [], { referenceDate: "2026-03-11" });
    expectWellFormed(c, GOOD);
    for (const label of ["acknowledges", "empathy", "next_step", "timeline", "asks_input"] as const) {
      expect(c.labels[label].value, label).toBe(true);
    }
    expect(c.score).toBeGreaterThanOrEqual(80);
    const resolved = c.timelines.map((t) => t.resolved);
    expect(resolved).toContain("2026-03-12");
    for (const s of c.labels.timeline.spans) expect(GOOD.slice(s.start, s.end)).toBe(s.text);
  });

  it("scores a blaming non-apology below 40 and lists fixes", () => {
    const c = coachReply(BLAMING, CUSTOMER);
    expectWellFormed(c, BLAMING);
    expect(c.score).toBeLessThan(40);
    expect(c.fixes.length).toBe(3);
    expect(c.score).toBeLessThan(coachReply(GOOD, CUSTOMER).score);
  });

  it("asks for a reply when the draft is empty", () => {
    const c = coachReply("", CUSTOMER);
    expectWellFormed(c, "");
    expect(c.score).toBe(0);
    expect(c.fixes).toEqual(["Write a reply first."]);
  });

  it("flags a case that needs a supervisor and says so among the fixes", () => {
    const c = coachReply(
      "Thanks, we'll look into it.",
      "This is the fourth time I've called. I want a manager.",
    );
    expect(c.labels.escalation_needed.value).toBe(true);
    expect(c.fixes.join(" ")).toMatch(/manager|supervisor|escalate/i);
  });

  it("coaches a draft without a customer message", () => {
    const c = coachReply(GOOD);
    expectWellFormed(c, GOOD);
    expect(c.labels.next_step.value).toBe(true);
  });

  const ODD_INPUTS: Array<[string, string]> = [
    ["whitespace", " \n\t "],
    ["1 MB", "We will refund you by Friday. ".repeat(36_000)],
    ["binary", String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65_536))],
    ["lone surrogates", "\uD800abc\uDC00 by Friday \uD83D"],
    ["emoji", "😡😡😡 Sorry 🙏 we'll fix it tomorrow 👍🏽👨‍👩‍👧"],
    ["RTL", "שלום, נחזור אליך מחר. مرحبا، سنتصل بك غدا"],
    ["HTML", "<p>Hi <b>Sam</b>,</p><script>alert(1)</script><a href='https://x.io/a?b=1'>click</a> by 9am?"],
    ["punctuation", "?!?!...???,,,;;;::::"],
    ["numbers", "1/2 2/3 12:99 99:99 2026-13-45 0/0 31/31 4471 #4471"],
  ];

  it.each(ODD_INPUTS)("never throws on %s", (_name, text) => {
    const c = coachReply(text, text, [{ role: "agent", text }], { referenceDate: "2026-03-11" });
    expectWellFormed(c, text);
  });

  it("never throws on non-string values at runtime", () => {
    const loose = coachReply as unknown as (...args: unknown[]) => ReplyCoaching;
    for (const v of [null, undefined, 42, {}, []]) {
      expect(() => loose(v, v, [], {})).not.toThrow();
    }
    expect(() => coachReply("by Friday", "x", [], { referenceDate: "garbage" })).not.toThrow();
  });

  it("never throws and keeps spans in bounds on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200 }), (reply, customer) => {
        expectWellFormed(coachReply(reply, customer), reply);
      }),
      { numRuns: 60 },
    );
  });

  it("coaches a draft the same way again and with the customer analysis passed in", () => {
    const draft = GOOD.repeat(3).slice(0, 1000);
    const first = coachReply(draft, CUSTOMER);
    expect(coachReply(draft, CUSTOMER)).toEqual(first);
    expect(coachReply(draft, CUSTOMER, [], { customerAnalysis: analyzeCustomer(CUSTOMER) })).toEqual(first);
    const calm = analyzeCustomer("Thanks, all sorted now.");
    expect(coachReply(draft, CUSTOMER, [], { customerAnalysis: calm })).not.toEqual(first);
  });
});
