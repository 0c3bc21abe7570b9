/** @module Davidson et al. (MIT): hate / offensive / neither as one softmax model; class offsets tuned on a train fold. */
import type { FeatureConfig } from "../../../packages/coach/src/models/hash-features.js";
import {
  type LinearModelFile,
  loadLinearModel,
  predictText,
} from "../../../packages/coach/src/models/linear-model.js";
import type { ClassRow } from "../data/datasets.js";
import { roundTo, toWeightsFile } from "../fit/export.js";
import { type Example, type FitOptions, featurize, fitLinear } from "../fit/linear.js";

export const OFFENSIVE_LABELS = ["hate", "offensive", "neither"];
export const OFFENSIVE_FEATURES: FeatureConfig = { hashBits: 16, bigrams: false, charNgram: 0 };
export const OFFENSIVE_FIT: FitOptions = {
  output: "softmax",
  epochs: 3,
  learningRate: 0.05,
  l2: 0.01,
  seed: 17,
};

const isTuneRow = (i: number) => i % 10 === 0;

/** Macro-F1 of argmax(p + offsets) — the quantity the offsets are tuned for. */
function macroF1(
  probs: readonly Float64Array[],
  gold: readonly number[],
  offsets: readonly number[],
): number {
  const L = offsets.length;
  const tp = new Array<number>(L).fill(0);
  const predicted = new Array<number>(L).fill(0);
  const support = new Array<number>(L).fill(0);
  probs.forEach((p, i) => {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < L; l++) {
      const s = Math.log(p[l] ?? 1e-12) + (offsets[l] ?? 0);
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    const g = gold[i] ?? 0;
    predicted[best] = (predicted[best] ?? 0) + 1;
    support[g] = (support[g] ?? 0) + 1;
    if (best === g) tp[g] = (tp[g] ?? 0) + 1;
  });
  let sum = 0;
  for (let l = 0; l < L; l++) {
    const den = (predicted[l] ?? 0) + (support[l] ?? 0);
    sum += den === 0 ? 0 : (2 * (tp[l] ?? 0)) / den;
  }
  return sum / L;
}

// Profanity or slurs in a support message: such turns are left out of the "neither" supplement.
const PROFANE =
  /\b(?:fuck|shit|bitch|ass|damn|hell|crap|dick|piss|bastard|idiot|stupid|moron|retard|hoe|nigg|fag|cunt|wtf|stfu)/i;

/** Support-desk customer turns without profanity, labelled `neither`, so ordinary complaints are not read as abuse. */
export function neitherSupplement(turns: readonly string[]): ClassRow[] {
  return turns.filter((t) => !PROFANE.test(t)).map((text) => ({ text, label: 2 }));
}

export function trainOffensive(
  rows: readonly ClassRow[],
  features: FeatureConfig = OFFENSIVE_FEATURES,
  fitOptions: FitOptions = OFFENSIVE_FIT,
  supplement: readonly ClassRow[] = [],
): LinearModelFile {
  const L = OFFENSIVE_LABELS.length;
  const fitRows = [...rows.filter((_, i) => !isTuneRow(i)), ...supplement];
  const tuneRows = rows.filter((_, i) => isTuneRow(i));
  const feats = featurize(
    fitRows.map((r) => r.text),
    features,
  );
  const examples: Example[] = fitRows.map((r, i) => {
    const targets = new Float64Array(L);
    targets[r.label] = 1;
    return { features: feats[i] as Int32Array, targets };
  });
  const fit = fitLinear(examples, features.hashBits, L, fitOptions);
  const file = toWeightsFile({
    name: "offensive",
    trainedOn: `Davidson et al. train.csv minus every 10th row (MIT)${supplement.length ? ` + ${supplement.length} support-desk customer turns as neither (TweetSumm CC0, IBM Apache-2.0)` : ""}`,
    features,
    output: "softmax",
    labels: OFFENSIVE_LABELS,
    fit,
  });
  const loaded = loadLinearModel(file);
  if (!loaded.ok) throw new Error(loaded.reason);
  const probs = tuneRows.map((r) => {
    const out = new Float64Array(L);
    predictText(loaded.model, r.text, out);
    return out;
  });
  const gold = tuneRows.map((r) => r.label);
  // Class-prior offsets (hate and neither against offensive) that maximise macro-F1 on the fold.
  let best = { offsets: [0, 0, 0], f1: macroF1(probs, gold, [0, 0, 0]) };
  for (let h = -8; h <= 16; h++) {
    for (let n = -8; n <= 8; n++) {
      const offsets = [h / 4, 0, n / 4];
      const f1 = macroF1(probs, gold, offsets);
      if (f1 > best.f1 + 1e-12) best = { offsets, f1 };
    }
  }
  file.bias = file.bias.map((b, l) => roundTo(b + (best.offsets[l] ?? 0)));
  return file;
}
