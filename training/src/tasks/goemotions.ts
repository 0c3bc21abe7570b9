/** @module GoEmotions (Apache-2.0): 28 one-vs-rest logistic models, Platt-calibrated, thresholds tuned on a train fold. */
import type { FeatureConfig } from "../../../packages/coach/src/models/hash-features.js";
import {
  type LinearModelFile,
  loadLinearModel,
  scoreText,
} from "../../../packages/coach/src/models/linear-model.js";
import type { MultiLabelRow } from "../data/datasets.js";
import { bestF1Threshold, fitPlatt } from "../fit/calibrate.js";
import { roundTo, toWeightsFile } from "../fit/export.js";
import { type Example, type FitOptions, featurize, fitLinear } from "../fit/linear.js";

export const GOEMOTIONS_FEATURES: FeatureConfig = { hashBits: 16, bigrams: false, charNgram: 0 };
export const GOEMOTIONS_FIT: FitOptions = {
  output: "sigmoid",
  epochs: 6,
  learningRate: 0.2,
  l2: 0.1,
  seed: 20,
};

/** Every 10th training row is held out to calibrate and pick thresholds; the model never fits on it. */
export function isTuneRow(index: number): boolean {
  return index % 10 === 0;
}

export function trainGoEmotions(
  rows: readonly MultiLabelRow[],
  names: readonly string[],
  features: FeatureConfig = GOEMOTIONS_FEATURES,
  fitOptions: FitOptions = GOEMOTIONS_FIT,
): LinearModelFile {
  const L = names.length;
  const fitRows = rows.filter((_, i) => !isTuneRow(i));
  const tuneRows = rows.filter((_, i) => isTuneRow(i));
  const feats = featurize(
    fitRows.map((r) => r.text),
    features,
  );
  const examples: Example[] = fitRows.map((r, i) => {
    const targets = new Float64Array(L);
    for (const l of r.labels) if (l >= 0 && l < L) targets[l] = 1;
    return { features: feats[i] as Int32Array, targets };
  });
  const fit = fitLinear(examples, features.hashBits, L, fitOptions);
  const file = toWeightsFile({
    name: "goemotions",
    trainedOn: "GoEmotions train.tsv minus every 10th row (Apache-2.0)",
    features,
    output: "sigmoid",
    labels: [...names],
    fit,
  });
  // Calibrate the quantised model, as shipped, on the held-out fold.
  const loaded = loadLinearModel(file);
  if (!loaded.ok) throw new Error(loaded.reason);
  const logits = tuneRows.map((r) => {
    const out = new Float64Array(L);
    scoreText(loaded.model, r.text, out);
    return out;
  });
  file.calibration = [];
  file.thresholds = [];
  for (let l = 0; l < L; l++) {
    const z = logits.map((o) => o[l] ?? 0);
    const y = tuneRows.map((r) => r.labels.includes(l));
    const [a, b] = fitPlatt(z, y);
    const probs = z.map((v) => 1 / (1 + Math.exp(-(a * v + b))));
    file.calibration.push([roundTo(a), roundTo(b)]);
    file.thresholds.push(bestF1Threshold(probs, y).threshold);
  }
  return file;
}
