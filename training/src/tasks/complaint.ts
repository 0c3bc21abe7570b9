/**
 * @module Complaint blend fitted on weak labels: customer turns of the project's reply-labels set (Keel labels on
 * TweetSumm CC0 / IBM Apache-2.0 text), complaint ≈ annoyed or worse, a threat, or a repeat contact.
 * The complaints corpus (no licence) is never used here; it only scores the result.
 */
import {
  COMPLAINT_FEATURES,
  type ComplaintBlendFile,
  complaintFeatures,
} from "../../../packages/coach/src/models/complaint.js";
import { customerProbabilities } from "../../../packages/coach/src/models/learned.js";
import type { LabelledCustomer } from "../data/datasets.js";
import { bestF1Threshold } from "../fit/calibrate.js";
import { roundTo } from "../fit/export.js";

/** The weak label: what a support lead would file as a complaint. */
export function weakComplaintLabel(c: LabelledCustomer): boolean {
  return c.anger >= 1 || c.threat !== "none" || c.repeatContact;
}

/** Full-batch gradient descent on an L2-regularised log-loss; deterministic, a few hundred rows × 9 features. */
export function fitDenseLogistic(
  x: readonly Float64Array[],
  y: readonly boolean[],
  l2 = 0.01,
  iterations = 3000,
  rate = 0.5,
): { weights: number[]; bias: number } {
  const d = x[0]?.length ?? 0;
  const w = new Float64Array(d);
  let b = 0;
  const n = x.length;
  for (let it = 0; it < iterations; it++) {
    const gw = new Float64Array(d);
    let gb = 0;
    x.forEach((row, i) => {
      let z = b;
      for (let k = 0; k < d; k++) z += (w[k] ?? 0) * (row[k] ?? 0);
      const g = 1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0);
      for (let k = 0; k < d; k++) gw[k] = (gw[k] ?? 0) + g * (row[k] ?? 0);
      gb += g;
    });
    for (let k = 0; k < d; k++) w[k] = (w[k] ?? 0) - rate * ((gw[k] ?? 0) / n + l2 * (w[k] ?? 0));
    b -= (rate * gb) / n;
  }
  return { weights: Array.from(w), bias: b };
}

/**
 * `pairs` are support messages with weak labels; `nonComplaints` are general social-media comments (GoEmotions rows
 * the emotion model never fitted on), which teach the blend that negative feeling alone is not a complaint.
 */
export function trainComplaint(
  pairs: readonly LabelledCustomer[],
  nonComplaints: readonly string[] = [],
): ComplaintBlendFile {
  const x: Float64Array[] = [];
  const y: boolean[] = [];
  const all = [
    ...pairs,
    ...nonComplaints.map((text) => ({
      text,
      anger: 0,
      abusive: false,
      threat: "none",
      repeatContact: false,
    })),
  ];
  for (const pair of all) {
    const probs = customerProbabilities(pair.text);
    if (!probs)
      throw new Error("GoEmotions/offensive weights must be registered before fitting the complaint blend");
    const row = new Float64Array(COMPLAINT_FEATURES.length);
    complaintFeatures(pair.text, probs, row);
    x.push(row);
    y.push(weakComplaintLabel(pair));
  }
  const { weights, bias } = fitDenseLogistic(x, y);
  const probs = x.map(
    (row) => 1 / (1 + Math.exp(-(bias + row.reduce((s, v, k) => s + v * (weights[k] ?? 0), 0)))),
  );
  return {
    format: "keel-blend-v1",
    name: "complaint",
    trainedOn:
      "reply-labels train.jsonl customer turns, weak label anger>=1 | threat | repeat contact (Keel labels)" +
      (nonComplaints.length
        ? ` + ${nonComplaints.length} GoEmotions comments as non-complaints (Apache-2.0)`
        : ""),
    features: [...COMPLAINT_FEATURES],
    weights: weights.map((v) => roundTo(v)),
    bias: roundTo(bias),
    threshold: bestF1Threshold(probs, y).threshold,
  };
}
