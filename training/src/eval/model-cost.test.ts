import { describe, expect, it } from "vitest";
import { pearson, spearman, throughput, weightsBytes } from "./model-cost.js";

describe("model cost and correlation helpers", () => {
  it("Spearman sees any monotone relation as perfect, Pearson only a linear one", () => {
    const xs = [1, 2, 3, 4, 5];
    const ys = xs.map((x) => x ** 3);
    expect(spearman(xs, ys)).toBeCloseTo(1, 12);
    expect(pearson(xs, ys)).toBeLessThan(0.99);
    expect(spearman(xs, [...ys].reverse())).toBeCloseTo(-1, 12);
  });
  it("averages ranks of ties", () => {
    expect(spearman([1, 1, 2], [1, 2, 3])).toBeCloseTo(0.866, 3);
  });
  it("returns 0 for constant input rather than NaN", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
  });
  it("counts calls per second and sizes missing weights as 0", () => {
    let calls = 0;
    expect(throughput(["a"], () => calls++, 5)).toBeGreaterThan(0);
    expect(calls).toBeGreaterThan(0);
    expect(weightsBytes("no-such-model")).toBe(0);
  });
});
