import { describe, expect, it } from "vitest";
import { encodeBase64 } from "./base64.js";
import { extractFeatures, FeatureBuffer } from "./hash-features.js";
import { type LinearModelFile, loadLinearModel, predictText, scoreText } from "./linear-model.js";

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
