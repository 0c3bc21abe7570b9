/** @module Tests for the benchmark statistics. */
import { describe, expect, it } from "vitest";
import { formatMs, formatNumber, mean, median, percentile, ratio, summarize } from "./stats.js";

describe("percentile", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBeCloseTo(46);
    expect(percentile([5], 99)).toBe(5);
  });

  it("does not depend on input order and does not reorder the input", () => {
    const samples = [9, 1, 5, 3, 7];
    expect(percentile(samples, 50)).toBe(5);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it("clamps p and gives the extremes at 0 and 100", () => {
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([3, 1, 2], 150)).toBe(3);
  });

  it("is NaN for an empty sample", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
  });
});

describe("median and mean", () => {
  it("takes the middle value of an odd sample and averages an even one", () => {
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});

describe("summarize", () => {
  it("reports p99 near the tail, not the mean", () => {
    const samples = Array.from({ length: 100 }, (_, i) => (i === 99 ? 100 : 1));
    const s = summarize(samples);
    expect(s.runs).toBe(100);
    expect(s.p50).toBe(1);
    expect(s.max).toBe(100);
    expect(s.p99).toBeCloseTo(1.99);
    expect(s.mean).toBeCloseTo(1.99);
  });
});

describe("ratio and formatting", () => {
  it("guards against division by zero", () => {
    expect(ratio(6, 3)).toBe(2);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it("formats numbers and durations", () => {
    expect(formatNumber(12345.678, 1)).toBe("12,345.7");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("n/a");
    expect(formatMs(0.25)).toBe("250 µs");
    expect(formatMs(1.5)).toBe("1.50 ms");
    expect(formatMs(42.25)).toBe("42.3 ms");
  });
});
