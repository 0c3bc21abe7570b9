import { describe, expect, it } from "vitest";
import { complaintFeatures } from "./complaint.js";
import type { CustomerProbabilities } from "./learned.js";

const PROBS: CustomerProbabilities = {
  goemotions: new Float64Array(1),
  goemotionsLabels: ["neutral"],
  goemotionsThresholds: [0.5],
  offensive: new Float64Array(3),
};

/** The failure-cue and negation features of `text`, as counts. */
function cues(text: string): [number, number] {
  const out = new Float64Array(9);
  complaintFeatures(text, PROBS, out);
  return [Math.round(Math.expm1(out[5] ?? 0)), Math.round(Math.expm1(out[6] ?? 0))];
}

describe("complaint cues", () => {
  it("count failure words, failure phrases and negations in any case and with either apostrophe", () => {
    expect(cues("STILL waiting. Not working, no one answers and I can’t log in")).toEqual([5, 3]);
    expect(cues("still waiting. not working, no one answers and i can't log in")).toEqual([5, 3]);
  });
  it("read text whose lower-casing changes its length the same way as plain text", () => {
    // "İ" lower-cases to two code units and the Kelvin sign to "k": both make the lower-cased copy necessary.
    expect(cues("İstanbul order still missing, DON’T cancel")).toEqual([3, 1]);
    expect(cues("\u212Aeep waiting, nobody replies")).toEqual([2, 1]);
  });
});
