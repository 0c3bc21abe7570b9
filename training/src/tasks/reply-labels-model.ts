/**
 * @module Per-label logistic models for the reply labels, trained on reply-labels train (Keel labels) plus the coach
 * fixtures' `tune` rows; reply words and customer words live in separate halves of the feature space.
 */
import {
  extractFeatures,
  FeatureBuffer,
  type FeatureConfig,
} from "../../../packages/coach/src/models/hash-features.js";
import type { LinearModelFile } from "../../../packages/coach/src/models/linear-model.js";
import type { ReplyPair } from "../data/datasets.js";
import { bestF1Threshold } from "../fit/calibrate.js";
import { selectLabels, toWeightsFile } from "../fit/export.js";
import { type Example, type FitOptions, type FittedLinear, fitLinear } from "../fit/linear.js";

export const REPLY_FEATURES: FeatureConfig = { hashBits: 15, bigrams: true, charNgram: 0 };
export const REPLY_FIT: FitOptions = { output: "sigmoid", epochs: 8, learningRate: 0.2, l2: 0.01, seed: 11 };

/** Reply ids in [0, B), customer ids in [B, 2B). */
export function pairFeatures(
  reply: string,
  customer: string,
  cfg: FeatureConfig,
  buf = new FeatureBuffer(),
): Int32Array {
  const B = 1 << cfg.hashBits;
  extractFeatures(reply, cfg, buf);
  const replyIds = buf.ids.slice(0, buf.length);
  extractFeatures(customer, cfg, buf);
  const out = new Int32Array(replyIds.length + buf.length);
  out.set(replyIds);
  for (let k = 0; k < buf.length; k++) out[replyIds.length + k] = (buf.ids[k] ?? 0) + B;
  return out;
}

function examples(rows: readonly ReplyPair[], labels: readonly string[], cfg: FeatureConfig): Example[] {
  const buf = new FeatureBuffer();
  return rows.map((r) => ({
    features: pairFeatures(r.reply, r.customer, cfg, buf),
    targets: Float64Array.from(labels, (l) => (r.labels[l] ? 1 : 0)),
  }));
}

export function predictPair(fit: FittedLinear, features: Int32Array): Float64Array {
  const L = fit.labels;
  const z = Float64Array.from(fit.bias);
  for (const f of features) for (let l = 0; l < L; l++) z[l] = (z[l] ?? 0) + (fit.weights[f * L + l] ?? 0);
  return z.map((v) => 1 / (1 + Math.exp(-v)));
}

/** Fits on all rows; thresholds come from 5-fold out-of-fold predictions on the same rows. */
export function trainReplyLabels(
  rows: readonly ReplyPair[],
  labels: readonly string[],
  cfg: FeatureConfig = REPLY_FEATURES,
  fitOptions: FitOptions = REPLY_FIT,
): { fit: FittedLinear; thresholds: number[] } {
  const opt = { ...fitOptions, extraFeatures: 1 << cfg.hashBits };
  const all = examples(rows, labels, cfg);
  const oof: Float64Array[] = new Array(all.length);
  for (let fold = 0; fold < 5; fold++) {
    const fit = fitLinear(
      all.filter((_, i) => i % 5 !== fold),
      cfg.hashBits,
      labels.length,
      opt,
    );
    all.forEach((ex, i) => {
      if (i % 5 === fold) oof[i] = predictPair(fit, ex.features);
    });
  }
  const thresholds = labels.map(
    (l, j) =>
      bestF1Threshold(
        oof.map((p) => p[j] ?? 0),
        rows.map((r) => r.labels[l] === true),
      ).threshold,
  );
  return { fit: fitLinear(all, cfg.hashBits, labels.length, opt), thresholds };
}

/**
 * Labels whose learned model beat the rule detector on reply-labels dev (see docs/decisions/0002): only
 * `acknowledges` (F1 0.42 vs 0.23, 11 positives). The others stay with the rules.
 */
export const SHIPPED_REPLY_LABELS = ["acknowledges"];

export function replyLabelsWeights(
  rows: readonly ReplyPair[],
  allLabels: readonly string[],
): LinearModelFile {
  const { fit, thresholds } = trainReplyLabels(rows, allLabels);
  const keep = SHIPPED_REPLY_LABELS.map((l) => allLabels.indexOf(l)).filter((i) => i >= 0);
  const file = toWeightsFile({
    name: "reply-labels",
    trainedOn: `reply-labels train.jsonl + coach fixtures' tune rows (${rows.length} pairs; Keel labels)`,
    features: REPLY_FEATURES,
    input: "reply+customer",
    output: "sigmoid",
    labels: keep.map((i) => allLabels[i] ?? ""),
    fit: selectLabels(fit, keep),
  });
  file.thresholds = keep.map((i) => thresholds[i] ?? 0.5);
  return file;
}
