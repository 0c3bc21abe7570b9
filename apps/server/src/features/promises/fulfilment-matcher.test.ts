/** @module Tests for reading a later reply as keeping an open promise. */
import { describe, expect, it } from "vitest";
import { matchFulfilments, type OpenPromise } from "./fulfilment-matcher.js";

const callback: OpenPromise = { id: "call", kind: "callback", text: "call you back" };
const refund: OpenPromise = { id: "refund", kind: "refund", text: "refund the delivery charge" };
const update: OpenPromise = { id: "update", kind: "update", text: "update you" };
const replacement: OpenPromise = { id: "parcel", kind: "replacement", text: "send a replacement kettle" };
const all = [callback, refund, update, replacement];

const kept = (reply: string, open: readonly OpenPromise[] = all) =>
  matchFulfilments(reply, open).map((m) => m.promiseId);

describe("matchFulfilments", () => {
  it.each([
    ["The delivery charge has been refunded to your card.", "refund"],
    ["As promised, I called you this morning and left a voicemail.", "call"],
    ["I've now heard back from the warehouse: the parcel left today.", "update"],
    ["Here's the update I promised: the engineer found the fault.", "update"],
    ["We dispatched the replacement kettle this morning.", "parcel"],
    ["Your refund is now in your account.", "refund"],
    ["I’ve processed the refund for the delivery charge.", "refund"],
  ])("keeps a promise when a reply reports it done: %s", (reply, id) => {
    expect(kept(reply)).toEqual([id]);
  });

  it.each([
    "I'll refund the delivery charge by Monday.",
    "Your refund has not been processed yet.",
    "Once the refund has been approved, it takes 3 days.",
    "We've been unable to reach the warehouse so far.",
    "We have received your email and will update you by Friday.",
    "Has the replacement kettle been dispatched?",
    "> As promised, I called you.",
    "We have to wait for the courier before we can refund you.",
    "I tried calling you but couldn't get through.",
    "As promised, we'll refund the delivery charge by Friday.",
    "Your refund is approved and will be paid on Monday.",
  ])("keeps nothing when the reply reports nothing done: %s", (reply) => {
    expect(kept(reply)).toEqual([]);
  });

  it("needs the reply to be about the promise", () => {
    expect(kept("The replacement kettle has been dispatched.", [callback, refund])).toEqual([]);
    expect(kept("I've fixed your login.", [callback])).toEqual([]);
  });

  it("keeps each promise once, and one per clause, oldest first on a tie", () => {
    const twoCalls = [callback, { ...callback, id: "call-2" }];
    expect(kept("As promised, I called you. I called again at noon.", twoCalls)).toEqual(["call", "call-2"]);
    expect(kept("I called you and the refund has been processed.", [callback, refund])).toEqual([
      "call",
      "refund",
    ]);
    expect(kept("As promised, I called you and the refund was processed.", [callback, refund])).toEqual([
      "call",
    ]);
    expect(kept("I called you. The refund has been processed.", [callback, refund])).toEqual([
      "call",
      "refund",
    ]);
  });

  it("says which sentence kept the promise", () => {
    const reply = "Hello again. The delivery charge has been refunded.";
    expect(matchFulfilments(reply, [refund])[0]?.evidence).toEqual({
      start: 13,
      end: reply.length,
      text: "The delivery charge has been refunded.",
    });
    expect(matchFulfilments(undefined as unknown as string, [refund])).toEqual([]);
  });
});
