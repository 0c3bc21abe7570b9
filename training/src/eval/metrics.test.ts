/** @module Tests for the evaluation metric helpers. */
import { describe, expect, it } from "vitest";
import {
  alwaysTrueF1,
  binaryMetrics,
  confusion,
  f1Score,
  macroF1,
  majorityClass,
  multiclassMetrics,
} from "./metrics.js";

describe("binaryMetrics", () => {
  it("counts the four cells and derives precision, recall and F1", () => {
    const gold = [true, true, true, false, false, false];
    const pred = [true, true, false, true, false, false];
    const m = binaryMetrics(gold, pred);
    expect(m).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 2, support: 3 });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
  });

  it("scores 0, not NaN, when nothing is predicted or present", () => {
    const m = binaryMetrics([false, false], [false, false]);
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
  });

  it("rejects arrays of different length", () => {
    expect(() => binaryMetrics([true], [true, false])).toThrow(RangeError);
  });
});

describe("f1Score and alwaysTrueF1", () => {
  it("is the harmonic mean", () => {
    expect(f1Score(0.5, 1)).toBeCloseTo(2 / 3);
    expect(f1Score(0, 0)).toBe(0);
  });

  it("gives the always-true baseline from the base rate", () => {
    // base rate 1/4 → precision 0.25, recall 1 → F1 0.4
    expect(alwaysTrueF1([true, false, false, false])).toBeCloseTo(0.4);
    expect(alwaysTrueF1([false, false])).toBe(0);
    expect(alwaysTrueF1([])).toBe(0);
  });
});

describe("macroF1", () => {
  it("averages, and is null for no scores", () => {
    expect(macroF1([1, 0.5, 0])).toBeCloseTo(0.5);
    expect(macroF1([])).toBeNull();
  });
});

describe("confusion and multiclassMetrics", () => {
  it("fills gold rows by predicted columns and ignores unknown classes", () => {
    const cm = confusion(["a", "b", "c"], ["a", "a", "b", "c", "z"], ["a", "b", "b", "a", "a"]);
    expect(cm.matrix).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it("derives accuracy and macro-F1 over classes that occur", () => {
    const cm = confusion([0, 1, 2, 3], [0, 0, 1, 1], [0, 1, 1, 1]);
    const m = multiclassMetrics(cm);
    expect(m.accuracy).toBeCloseTo(0.75);
    // class 0: P 1, R 0.5, F1 2/3; class 1: P 2/3, R 1, F1 0.8; classes 2 and 3 absent → not averaged
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
    expect(m.perClass[1]).toMatchObject({ cls: 1, support: 2 });
  });

  it("counts a class that is predicted but never gold as F1 0 in the macro average", () => {
    const m = multiclassMetrics(confusion(["x", "y"], ["x", "x"], ["x", "y"]));
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0) / 2);
  });
});

describe("majorityClass", () => {
  it("returns the most frequent value, first seen on ties", () => {
    expect(majorityClass([2, 1, 1, 2, 1])).toBe(1);
    expect(majorityClass(["b", "a"])).toBe("b");
    expect(majorityClass([])).toBeUndefined();
  });
});
