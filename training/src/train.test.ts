import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeBase64 } from "../../packages/coach/src/models/base64.js";
import { loadLinearModel, predictText } from "../../packages/coach/src/models/linear-model.js";
import { decodeEntities, readDavidson, readGoEmotions } from "./data/datasets.js";
import { parseCsv } from "./data/read.js";
import { bestF1Threshold, fitPlatt } from "./fit/calibrate.js";
import { quantize } from "./fit/export.js";
import { fitLinear } from "./fit/linear.js";
import { trainGoEmotions } from "./tasks/goemotions.js";
import { trainOffensive } from "./tasks/offensive.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const SMALL = { hashBits: 10, bigrams: false, charNgram: 0 };
const FIT = { output: "sigmoid" as const, epochs: 8, learningRate: 0.3, l2: 0.001, seed: 1 };

function fixtureEmotions() {
  const r = readGoEmotions("train", join(FIXTURES, "goemotions"));
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe("data readers", () => {
  it("parses quoted CSV cells with commas, quotes and line breaks", () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });
  it("decodes the HTML entities tweets keep", () => {
    expect(decodeEntities("a &amp; b &#128514; &bogus;")).toBe("a & b 😂 &bogus;");
  });
  it("reports a missing file as a value", () => {
    expect(readGoEmotions("dev", join(FIXTURES, "nowhere")).ok).toBe(false);
  });
});

describe("fitting", () => {
  it("learns a separable toy problem", () => {
    const ex = (f: number, y: number) => ({ features: Int32Array.of(f), targets: Float64Array.of(y) });
    const fit = fitLinear([ex(1, 1), ex(2, 0), ex(1, 1), ex(2, 0)], 2, 1, FIT);
    expect(fit.weights[1]).toBeGreaterThan(0.5);
    expect(fit.weights[2]).toBeLessThan(-0.5);
  });
  it("quantises to int8 within half a step of each weight", () => {
    const weights = Float64Array.of(0.5, -1.27, 0.013, 1.27, -0.2, 0);
    const { bytes, scales } = quantize({ hashBits: 1, labels: 2, weights, bias: new Float64Array(2) });
    weights.forEach((w, j) => {
      const scale = scales[j % 2] ?? 0;
      expect(Math.abs((bytes[j] ?? 0) * scale - w)).toBeLessThanOrEqual(scale / 2 + 1e-12);
    });
  });
  it("Platt scaling orders probabilities like the scores and thresholds pick a separating cut", () => {
    const [a] = fitPlatt([-2, -1, 1, 2, 3], [false, false, true, true, true]);
    expect(a).toBeGreaterThan(0);
    expect(bestF1Threshold([0.1, 0.2, 0.7, 0.9], [false, false, true, true]).f1).toBe(1);
  });
});

describe("training pipeline on fixtures", () => {
  it("writes byte-identical GoEmotions weights on every run", () => {
    const { rows, names } = fixtureEmotions();
    const hash = () =>
      createHash("sha256")
        .update(JSON.stringify(trainGoEmotions(rows, names, SMALL, FIT)))
        .digest("hex");
    expect(hash()).toBe(hash());
  });
  it("ships weights that load, round-trip through base64 and predict the obvious label", () => {
    const { rows, names } = fixtureEmotions();
    const file = trainGoEmotions(rows, names, SMALL, FIT);
    expect(decodeBase64(file.weights)?.length).toBe(1024 * names.length);
    expect(file.thresholds).toHaveLength(names.length);
    const loaded = loadLinearModel(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    const out = new Float64Array(names.length);
    predictText(loaded.model, "thank you so much, thanks", out);
    expect(out.indexOf(Math.max(...out))).toBe(names.indexOf("gratitude"));
  });
  it("trains the offensive softmax whose probabilities sum to one", () => {
    const r = readDavidson("train", join(FIXTURES, "davidson-hate-offensive"));
    if (!r.ok) throw new Error(r.reason);
    const file = trainOffensive(r.rows, SMALL, { ...FIT, output: "softmax" });
    const loaded = loadLinearModel(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    const out = new Float64Array(3);
    predictText(loaded.model, "shut up you stupid idiot", out);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(out[1]).toBeGreaterThan(out[2] ?? 1);
  });
});
