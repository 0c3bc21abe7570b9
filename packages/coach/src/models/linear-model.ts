/** @module Quantised linear models over hashed features: the weights-file format and allocation-free scoring. */
import { decodeBase64 } from "./base64.js";
import { extractFeatures, FeatureBuffer, type FeatureConfig } from "./hash-features.js";

/** How a weights file's outputs turn into probabilities. */
export type OutputKind = "sigmoid" | "softmax";

/** The JSON shape of a `packages/coach/weights/*.json` linear model. */
export interface LinearModelFile {
  format: "keel-linear-v1";
  name: string;
  /** Training data and its licence, carried with the weights. */
  trainedOn: string;
  features: FeatureConfig;
  /** `reply+customer`: two feature spaces stacked (reply words, then customer words); default one text. */
  input?: "text" | "reply+customer";
  output: OutputKind;
  labels: string[];
  /** int8 weights, bucket-major (`2^hashBits` rows × labels), base64. */
  weights: string;
  /** Per-label scale: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  /** Per-label Platt scaling `p = σ(a·z + b)` fitted on a held-out fold (sigmoid models only). */
  calibration?: [number, number][];
  /** Per-label decision thresholds on the calibrated probability (sigmoid models only). */
  thresholds?: number[];
}

export interface LinearModel {
  file: LinearModelFile;
  labels: readonly string[];
  weights: Int8Array;
  buffer: FeatureBuffer;
  /** Scratch for integer sums, one per label. */
  sums: Int32Array;
  // Per-label parameters unpacked into typed arrays once, for the hot loop.
  scales: Float64Array;
  bias: Float64Array;
  calA: Float64Array;
  calB: Float64Array;
}

export type LoadResult = { ok: true; model: LinearModel } | { ok: false; reason: string };

export function loadLinearModel(file: LinearModelFile): LoadResult {
  if (file.format !== "keel-linear-v1") return { ok: false, reason: `unknown format ${String(file.format)}` };
  const bytes = decodeBase64(file.weights);
  if (!bytes) return { ok: false, reason: "weights are not valid base64" };
  const L = file.labels.length;
  const spaces = file.input === "reply+customer" ? 2 : 1;
  const expected = spaces * (1 << file.features.hashBits) * L;
  if (bytes.length !== expected)
    return { ok: false, reason: `expected ${expected} weights, got ${bytes.length}` };
  if (file.scales.length !== L || file.bias.length !== L)
    return { ok: false, reason: "scales/bias length mismatch" };
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const cal = file.calibration ?? [];
  return {
    ok: true,
    model: {
      file,
      labels: file.labels,
      weights,
      buffer: new FeatureBuffer(),
      sums: new Int32Array(L),
      scales: Float64Array.from(file.scales),
      bias: Float64Array.from(file.bias),
      calA: Float64Array.from(file.labels, (_, l) => cal[l]?.[0] ?? 1),
      calB: Float64Array.from(file.labels, (_, l) => cal[l]?.[1] ?? 0),
    },
  };
}

/** Whether two models read the same features, so one extraction can serve both. */
export function sameFeatures(a: FeatureConfig, b: FeatureConfig): boolean {
  return a.hashBits === b.hashBits && a.bigrams === b.bigrams && a.charNgram === b.charNgram;
}

/** Raw scores (logits) for already extracted features, written into `out` (length = labels). */
export function scoreFeatures(model: LinearModel, buffer: FeatureBuffer, out: Float64Array): void {
  const { sums, weights, scales, bias } = model;
  const L = sums.length;
  const ids = buffer.ids;
  // Rows are scattered over megabytes of weights: touching each row's first weight up front lets the memory loads
  // overlap instead of stalling the summing loop one row at a time. `touched & 0` keeps the reads from being dropped.
  let touched = 0;
  for (let f = 0; f < buffer.length; f++) touched |= weights[(ids[f] as number) * L] as number;
  sums.fill(touched & 0);
  // Indexes are in range by construction (ids < 2^hashBits, checked at load), so the casts skip `?? 0` in the hot loop.
  for (let f = 0; f < buffer.length; f++) {
    const row = (ids[f] as number) * L;
    for (let l = 0; l < L; l++) sums[l] = (sums[l] as number) + (weights[row + l] as number);
  }
  for (let l = 0; l < L; l++) out[l] = (sums[l] ?? 0) * (scales[l] ?? 0) + (bias[l] ?? 0);
}

/**
 * Two models that read the same features, their weights interleaved so each feature's weights for both sit in one
 * 32-byte row: scoring then loads one scattered row per feature instead of one per model. Rows are scattered over
 * megabytes, so those loads (not the adding) are what scoring costs, and what evicts the rest of the analysis.
 */
export interface ModelPair {
  first: LinearModel;
  second: LinearModel;
  rows: Int8Array;
}

const PAIR_STRIDE = 32;

/** Interleaves two models' weights, or null when they read different features or do not fit one row together. */
export function pairModels(first: LinearModel, second: LinearModel): ModelPair | null {
  const a = first.sums.length;
  const b = second.sums.length;
  if (!sameFeatures(first.file.features, second.file.features) || a + b > PAIR_STRIDE) return null;
  if (first.file.input === "reply+customer" || second.file.input === "reply+customer") return null;
  const buckets = 1 << first.file.features.hashBits;
  const rows = new Int8Array(buckets * PAIR_STRIDE);
  for (let id = 0; id < buckets; id++) {
    rows.set(first.weights.subarray(id * a, id * a + a), id * PAIR_STRIDE);
    rows.set(second.weights.subarray(id * b, id * b + b), id * PAIR_STRIDE + a);
  }
  return { first, second, rows };
}

/** Raw scores (logits) of both models of a pair for already extracted features, into `outFirst` and `outSecond`. */
export function scorePair(
  pair: ModelPair,
  buffer: FeatureBuffer,
  outFirst: Float64Array,
  outSecond: Float64Array,
): void {
  const { first, second, rows } = pair;
  const a = first.sums.length;
  const b = second.sums.length;
  const ids = buffer.ids;
  // Touching each row up front lets the memory loads overlap (see scoreFeatures).
  let touched = 0;
  for (let f = 0; f < buffer.length; f++) touched |= rows[(ids[f] as number) * PAIR_STRIDE] as number;
  first.sums.fill(touched & 0);
  second.sums.fill(0);
  const sumsA = first.sums;
  const sumsB = second.sums;
  for (let f = 0; f < buffer.length; f++) {
    const row = (ids[f] as number) * PAIR_STRIDE;
    for (let l = 0; l < a; l++) sumsA[l] = (sumsA[l] as number) + (rows[row + l] as number);
    for (let l = 0; l < b; l++) sumsB[l] = (sumsB[l] as number) + (rows[row + a + l] as number);
  }
  logits(first, outFirst);
  logits(second, outSecond);
}

/** The model's integer sums, scaled and shifted into logits. */
function logits(model: LinearModel, out: Float64Array): void {
  const { sums, scales, bias } = model;
  for (let l = 0; l < sums.length; l++) out[l] = (sums[l] ?? 0) * (scales[l] ?? 0) + (bias[l] ?? 0);
}

/** Raw scores (logits) for `text` written into `out` (length = labels). */
export function scoreText(model: LinearModel, text: string, out: Float64Array): void {
  extractFeatures(text, model.file.features, model.buffer);
  scoreFeatures(model, model.buffer, out);
}

/** Turns logits in `out` into probabilities: calibrated per-label sigmoids, or one softmax over the labels. */
export function toProbabilities(model: LinearModel, out: Float64Array): void {
  const L = model.labels.length;
  if (model.file.output === "softmax") {
    let max = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < L; l++) max = Math.max(max, out[l] ?? 0);
    let total = 0;
    for (let l = 0; l < L; l++) {
      const e = Math.exp((out[l] ?? 0) - max);
      out[l] = e;
      total += e;
    }
    for (let l = 0; l < L; l++) out[l] = (out[l] ?? 0) / total;
    return;
  }
  const { calA, calB } = model;
  for (let l = 0; l < L; l++) out[l] = 1 / (1 + Math.exp(-((calA[l] ?? 1) * (out[l] ?? 0) + (calB[l] ?? 0))));
}

/** Probabilities for `text` into `out`. */
export function predictText(model: LinearModel, text: string, out: Float64Array): void {
  scoreText(model, text, out);
  toProbabilities(model, out);
}

/** Probabilities for a reply read together with the customer message it answers (`reply+customer` models). */
export function predictPair(model: LinearModel, reply: string, customer: string, out: Float64Array): void {
  const { buffer, sums, weights, scales, bias } = model;
  const L = sums.length;
  const offset = (1 << model.file.features.hashBits) * L;
  sums.fill(0);
  for (const [text, base] of [
    [reply, 0],
    [customer, offset],
  ] as const) {
    extractFeatures(text, model.file.features, buffer);
    for (let f = 0; f < buffer.length; f++) {
      const row = base + (buffer.ids[f] ?? 0) * L;
      for (let l = 0; l < L; l++) sums[l] = (sums[l] ?? 0) + (weights[row + l] ?? 0);
    }
  }
  for (let l = 0; l < L; l++) out[l] = (sums[l] ?? 0) * (scales[l] ?? 0) + (bias[l] ?? 0);
  toProbabilities(model, out);
}

/** Probabilities for already extracted features into `out`. */
export function predictFeatures(model: LinearModel, buffer: FeatureBuffer, out: Float64Array): void {
  scoreFeatures(model, buffer, out);
  toProbabilities(model, out);
}
