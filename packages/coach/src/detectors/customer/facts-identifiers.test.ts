/** @module Tests for `facts-identifiers`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectIdentifiers } from "./facts-identifiers.js";

const ids = (s: string) =>
  detectIdentifiers({ text: readCustomerText(s), context: {} }).map((f) => [f.kind, f.value]);

describe("detectIdentifiers", () => {
  it("reads identifiers after their keyword", () => {
    expect(ids("My order number is #A-10293 and account 55512345")).toEqual([
      ["order_number", "A-10293"],
      ["account_number", "55512345"],
    ]);
    expect(ids("Ticket: TCK-2231, tracking no. 9400111899223")).toEqual([
      ["ticket_number", "TCK-2231"],
      ["tracking_number", "9400111899223"],
    ]);
  });
  it("reads several identifiers after one keyword", () => {
    expect(ids("please process my case number 00197387 & 00197126")).toEqual([
      ["ticket_number", "00197387"],
      ["ticket_number", "00197126"],
    ]);
  });
  it("recognises well-known shapes without a keyword", () => {
    expect(ids("it's 112-1234567-1234567 and 1Z999AA10123456784")).toEqual([
      ["order_number", "112-1234567-1234567"],
      ["tracking_number", "1Z999AA10123456784"],
    ]);
  });
  it("ignores keywords without an identifier and short numbers", () => {
    expect(ids("my order arrived 2 days late, account is fine")).toEqual([]);
  });
});
