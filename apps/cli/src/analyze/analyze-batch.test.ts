/** @module Tests for batch analysis: option plumbing, failure isolation, totals. */
import * as coach from "@keel/coach";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeBatch } from "./analyze-batch.js";
import { emptyStats, mergeStats } from "./batch-stats.js";
import type { SourceRow } from "./source-row.js";

vi.mock("@keel/coach", async (importOriginal) => {
  const real = await importOriginal<typeof import("@keel/coach")>();
  return {
    ...real,
    analyzeCustomer: vi.fn((text: string, context?: coach.CustomerContext) => {
      if (text === "explode") throw new Error("boom");
      return real.analyzeCustomer(text, context);
    }),
  };
});

afterEach(() => {
  vi.mocked(coach.analyzeCustomer).mockClear();
});

const row = (id: number, customer: string | null, reply: string | null): SourceRow => ({
  where: `line ${id}`,
  id,
  customer,
  reply,
});

describe("analyzeBatch", () => {
  it("passes --mask-profanity through to the customer analysis", () => {
    analyzeBatch([row(1, "You idiots", null)], { format: "jsonl", maskProfanity: true });
    expect(vi.mocked(coach.analyzeCustomer)).toHaveBeenCalledWith("You idiots", { maskProfanity: true });
  });

  it("reports a row the coach cannot analyse and keeps the others", () => {
    const result = analyzeBatch([row(1, "fine", null), row(2, "explode", null), row(3, null, "Thanks!")], {
      format: "jsonl",
      maskProfanity: false,
    });
    expect(result.failures).toEqual([{ where: "line 2", reason: "analysis failed: boom" }]);
    const ids = result.pieces
      .join("")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).toEqual([1, 3]);
    expect(result.stats.rows).toBe(2);
    expect(result.stats.customerRows).toBe(1);
    expect(result.stats.replyRows).toBe(1);
  });

  it("adds up totals across batches", () => {
    const options = { format: "jsonl" as const, maskProfanity: false };
    const total = emptyStats();
    mergeStats(total, analyzeBatch([row(1, "a", "b"), row(2, "c", null)], options).stats);
    mergeStats(total, analyzeBatch([row(3, null, "d")], options).stats);
    expect(total).toMatchObject({ rows: 3, customerRows: 2, replyRows: 2 });
    expect(total.angerLevels.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
