/** @module Tests for the escalation_needed detector. */
import { describe, expect, it } from "vitest";
import type { ThreadMessage } from "../../types.js";
import type { ReplyInput } from "./detector.js";
import { detectEscalationNeeded } from "./escalation-needed.js";
import { inputFor } from "./input-for-tests.test-support.js";

const REPLY = "Thanks, we're looking into it.";

describe("detectEscalationNeeded", () => {
  it.each([
    ["legal", "If this isn't fixed I'm speaking to my solicitor and taking you to court."],
    ["regulator", "I'll be reporting this to the ombudsman."],
    ["safety", "The charger was sparking and there's a burn mark on the carpet."],
    ["manager", "I want to speak to a manager now."],
    ["repeats", "This is the third time I've contacted you about the same fault."],
    ["vulnerable", "My husband passed away last month and I can't get into his account."],
  ])("flags %s", (_kind, customer) => {
    const r = detectEscalationNeeded(inputFor(REPLY, customer));
    expect(r.value).toBe(true);
    expect(r.suggestion).toBeTruthy();
    expect(r.spans).toEqual([]);
  });

  it("flags abuse that continues after an agent's warning in the thread", () => {
    const thread: ThreadMessage[] = [
      { role: "customer", text: "you idiots" },
      { role: "agent", text: "I want to help, but please keep the language respectful." },
    ];
    expect(detectEscalationNeeded(inputFor(REPLY, "useless idiots, fix it", thread)).value).toBe(true);
    expect(detectEscalationNeeded(inputFor(REPLY, "useless idiots, fix it")).value).toBe(false);
  });

  it.each(["Where is my parcel?", "Can I change my delivery address?", "The app is a bit slow today."])(
    "does not flag the routine %j",
    (customer) => {
      const r = detectEscalationNeeded(inputFor(REPLY, customer));
      expect(r.value).toBe(false);
      expect(r.confidence).toBeGreaterThan(0.5);
    },
  );

  it("skips malformed thread entries", () => {
    const thread = [null, { role: "agent", text: 42 }, { role: "customer" }] as unknown as ThreadMessage[];
    expect(() => detectEscalationNeeded(inputFor(REPLY, "Where is my parcel?", thread))).not.toThrow();
  });

  it("uses threats found by the customer analysis", () => {
    const input = inputFor(REPLY, "Sort it out.");
    const analysis = {
      threats: [{ kind: "legal" as const, confidence: 0.9, spans: [] }],
      repeat_contact: false,
      anger_level: 1,
    };
    const r = detectEscalationNeeded({
      ...input,
      customerAnalysis: analysis as unknown as ReplyInput["customerAnalysis"],
    });
    expect(r.value).toBe(true);
  });
});
