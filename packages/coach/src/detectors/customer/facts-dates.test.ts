/** @module Tests for `facts-dates`: realistic customer messages, including the negatives it must leave alone. */
import { describe, expect, it } from "vitest";
import { readCustomerText } from "./customer-text.js";
import { detectDates } from "./facts-dates.js";

const dates = (s: string, referenceDate?: string) =>
  detectDates({ text: readCustomerText(s), context: referenceDate ? { referenceDate } : {} }).map((f) => [
    f.value,
    f.normalized,
  ]);

describe("detectDates", () => {
  it("reads numeric and written dates", () => {
    expect(dates("ordered 2026-11-02, due 11/20/2026, then 20th of November 2026 and Nov 3, 2025")).toEqual([
      ["2026-11-02", "2026-11-02"],
      ["11/20/2026", "2026-11-20"],
      ["20th of November 2026", "2026-11-20"],
      ["Nov 3, 2025", "2025-11-03"],
    ]);
  });
  it("resolves relative days and weekdays against a reference date", () => {
    // 2026-11-25 is a Wednesday.
    expect(dates("yesterday, last Monday and next Friday", "2026-11-25")).toEqual([
      ["yesterday", "2026-11-24"],
      ["last Monday", "2026-11-23"],
      ["next Friday", "2026-11-27"],
    ]);
  });
  it("keeps relative dates unresolved without a reference", () => {
    expect(dates("since Tuesday")).toEqual([["Tuesday", undefined]]);
  });
  it("does not take 'may' or thread counters for dates", () => {
    expect(dates("you may call me, 1/2")).toEqual([]);
  });
});
