/** @module Tests for the suffix stripper. */
import { describe, expect, it } from "vitest";
import { stem } from "./stem.js";

describe("stem", () => {
  it.each([
    ["charged", "charges", "charging", "charge"],
    ["delayed", "delays", "delay", "delaying"],
    ["cancelled", "canceled", "cancel", "cancels"],
    ["refunds", "refunded", "refund", "refunding"],
  ])("maps %s, %s, %s and %s to one stem", (...words) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  it("handles irregular forms and keeps short words", () => {
    expect(stem("sent")).toBe(stem("send"));
    expect(stem("paid")).toBe(stem("pay"));
    expect(stem("bus")).toBe("bus");
    expect(stem("status")).toBe("status");
  });

  it("keeps different words apart", () => {
    expect(stem("order")).not.toBe(stem("card"));
    expect(stem("broken")).not.toBe(stem("bank"));
  });

  it("is case- and apostrophe-insensitive", () => {
    expect(stem("Customer’s")).toBe(stem("customer"));
  });
});
