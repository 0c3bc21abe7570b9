/** @module Tests for `facts-contacts`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectEmails, detectPhones } from "./facts-contacts.js";

const input = (s: string) => ({ text: readCustomerText(s), context: {} });

describe("detectEmails", () => {
  it("finds addresses but not handles", () => {
    expect(detectEmails(input("@AmazonHelp mail jo.smith+x@example.co.uk.")).map((f) => f.value)).toEqual([
      "jo.smith+x@example.co.uk",
    ]);
  });
});

describe("detectPhones", () => {
  it("finds phone numbers in common shapes", () => {
    const f = detectPhones(input("call me on +1 (555) 123-4567 or 07700 900123"));
    expect(f.map((x) => x.normalized)).toEqual(["+15551234567", "07700900123"]);
  });
  it("needs a phone word for short numbers and ignores dates and amounts", () => {
    expect(detectPhones(input("ref 5551234 on 2026-11-20"))).toEqual([]);
    expect(detectPhones(input("my phone is 555 1234")).map((x) => x.value)).toEqual(["555 1234"]);
  });
});
