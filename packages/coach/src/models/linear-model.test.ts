import { describe, expect, it } from "vitest";
import { encodeBase64 } from "./base64.js";
import { extractFeatures, FeatureBuffer } from "./hash-features.js";
import {
  type LinearModelFile,
  loadLinearModel,
  pairModels,
  predictText,
  scoreFeatures,
  scorePair,
  scoreText,
} from "./linear-model.js";

const features = { hashBits: 6, bigrams: false, charNgram: 0 };

/** A two-label model whose weight for the bucket of "refund" is +100 steps on label 0. */
function tinyModel(output: "sigmoid" | "softmax"): LinearModelFile {
  const buf = new FeatureBuffer();
  extractFeatures("refund", features, buf);
  const bytes = new Int8Array(64 * 2);
  bytes[(buf.ids[0] ?? 0) * 2] = 100;
  return {
    format: "keel-linear-v1",
    name: "goemotions",
    trainedOn: "test",
    features,
    output,
    labels: ["a", "b"],
    weights: encodeBase64(new Uint8Array(bytes.buffer)),
    scales: [0.01, 0.01],
    bias: [-0.5, 0.25],
  };
}

describe("linear model", () => {
  it("dequantises weights and adds the bias", () => {
    const loaded = loadLinearModel(tinyModel("sigmoid"));
    if (!loaded.ok) throw new Error(loaded.reason);
    const out = new Float64Array(2);
    scoreText(loaded.model, "refund please", out);
    expect(out[0]).toBeCloseTo(0.5, 9);
    expect(out[1]).toBeCloseTo(0.25, 9);
  });
  it("softmax outputs sum to one", () => {
    const loaded = loadLinearModel(tinyModel("softmax"));
    if (!loaded.ok) throw new Error(loaded.reason);
    const out = new Float64Array(2);
    predictText(loaded.model, "refund", out);
    expect((out[0] ?? 0) + (out[1] ?? 0)).toBeCloseTo(1, 12);
    expect(out[0]).toBeGreaterThan(out[1] ?? 1);
  });
  it("reports a truncated or foreign file as a value", () => {
    expect(loadLinearModel({ ...tinyModel("sigmoid"), weights: "AAAA" }).ok).toBe(false);
    expect(loadLinearModel({ ...tinyModel("sigmoid"), weights: "**" }).ok).toBe(false);
  });
});

/** A model with pseudo-random weights in every bucket, so every feature counts. */
function denseModel(labels: number, seed: number): LinearModelFile {
  const bytes = new Int8Array(64 * labels);
  let x = seed;
  for (let i = 0; i < bytes.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    bytes[i] = (x >>> 16) & 0xff;
  }
  return {
    ...tinyModel("sigmoid"),
    labels: Array.from({ length: labels }, (_, l) => `l${l}`),
    weights: encodeBase64(new Uint8Array(bytes.buffer)),
    scales: Array.from({ length: labels }, (_, l) => 0.01 * (l + 1)),
    bias: Array.from({ length: labels }, (_, l) => l / 7),
  };
}

describe("paired models", () => {
  it("score exactly as each model alone", () => {
    const a = loadLinearModel(denseModel(28, 1));
    const b = loadLinearModel(denseModel(3, 2));
    if (!a.ok || !b.ok) throw new Error("models did not load");
    const pair = pairModels(a.model, b.model);
    if (!pair) throw new Error("models did not pair");
    const buf = new FeatureBuffer();
    // Long texts pass the 256 rows after which the summing lanes are flushed.
    const many = Array.from({ length: 1000 }, (_, i) => `w${i.toString(36)}`).join(" ");
    for (const text of [
      "",
      "refund please!!",
      "Why is my order STILL not here?! 😡",
      "word ".repeat(300),
      many,
    ]) {
      extractFeatures(text, features, buf);
      const alone = [new Float64Array(28), new Float64Array(3)];
      scoreFeatures(a.model, buf, alone[0] as Float64Array);
      scoreFeatures(b.model, buf, alone[1] as Float64Array);
      const paired = [new Float64Array(28), new Float64Array(3)];
      scorePair(pair, buf, paired[0] as Float64Array, paired[1] as Float64Array);
      expect(paired.map((o) => [...o])).toEqual(alone.map((o) => [...o]));
    }
  });
  it("are not paired when their labels do not fit one row", () => {
    const a = loadLinearModel(denseModel(28, 1));
    const b = loadLinearModel(denseModel(5, 2));
    if (!a.ok || !b.ok) throw new Error("models did not load");
    expect(pairModels(a.model, b.model)).toBeNull();
  });
});
