/** @module Tests for `facts`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectFacts } from "./facts.js";

describe("detectFacts", () => {
  it("reports every kind once, in text order, without overlaps", () => {
    const text = "Order 123-1234567-1234567 cost $20 on 2026-11-20, email me at a@b.com or call 555-123-4567";
    const facts = detectFacts({ text: readCustomerText(text), context: {} });
    expect(facts.map((f) => f.kind)).toEqual(["order_number", "amount", "date", "email", "phone"]);
    for (const f of facts) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
  });

  it("drops a later kind's fact that overlaps an earlier one, and keeps the rest", () => {
    const text = "order 555-123-4567 placed 2026-11-20, call me on 555-987-6543";
    const facts = detectFacts({ text: readCustomerText(text), context: {} });
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ["order_number", "555-123-4567"],
      ["date", "2026-11-20"],
      ["phone", "555-987-6543"],
    ]);
  });
});
