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
  /**
   * The rows as 32-bit words, each weight stored plus 128 (a byte 0–255), so one integer add sums several weights at
   * once (see `sumRows`); null on a big-endian machine, where `rows` is summed weight by weight.
   */
  words: Int32Array | null;
  rows: Int8Array;
}

const PAIR_STRIDE = 32;
const WORDS_PER_ROW = PAIR_STRIDE / 4;
/** Rows summed between flushes: 16-bit lanes hold 256 biased bytes (256 × 255 < 2^16) without carrying over. */
const ROWS_PER_FLUSH = 256;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
  let words: Int32Array | null = null;
  if (LITTLE_ENDIAN) {
    const biased = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) biased[i] = (rows[i] as number) + 128;
    words = new Int32Array(biased.buffer);
  }
  // Only one form is summed: the bytes are dropped when the words exist, so the pair holds one copy of the weights.
  return { first, second, words, rows: words === null ? rows : new Int8Array(0) };
}

/** Per-lane totals of the biased row bytes (lane = byte of a row), scratch for `sumRows`. */
const laneTotals = new Int32Array(PAIR_STRIDE);

/**
 * Sums the biased rows of `ids[0, count)` into `laneTotals`, four bytes per word: a word's even bytes and its odd bytes
 * each go into two 16-bit lanes of one 32-bit accumulator, flushed before a lane could carry into the next. Eight
 * words a row, sixteen accumulators in registers: a quarter of the adds of byte-by-byte summing and no stores.
 */
function sumRows(words: Int32Array, ids: Int32Array, count: number): void {
  // Touching each row up front lets the memory loads overlap (see scoreFeatures); `touched & 0` keeps the reads.
  let touched = 0;
  for (let f = 0; f < count; f++) touched |= words[(ids[f] as number) * WORDS_PER_ROW] as number;
  laneTotals.fill(touched & 0);
  let f = 0;
  while (f < count) {
    const stop = Math.min(count, f + ROWS_PER_FLUSH);
    let e0 = 0,
      o0 = 0,
      e1 = 0,
      o1 = 0,
      e2 = 0,
      o2 = 0,
      e3 = 0,
      o3 = 0;
    let e4 = 0,
      o4 = 0,
      e5 = 0,
      o5 = 0,
      e6 = 0,
      o6 = 0,
      e7 = 0,
      o7 = 0;
    for (; f < stop; f++) {
      const r = (ids[f] as number) * WORDS_PER_ROW;
      const w0 = words[r] as number;
      const w1 = words[r + 1] as number;
      const w2 = words[r + 2] as number;
      const w3 = words[r + 3] as number;
      const w4 = words[r + 4] as number;
      const w5 = words[r + 5] as number;
      const w6 = words[r + 6] as number;
      const w7 = words[r + 7] as number;
      e0 = (e0 + (w0 & 0xff00ff)) | 0;
      o0 = (o0 + ((w0 >>> 8) & 0xff00ff)) | 0;
      e1 = (e1 + (w1 & 0xff00ff)) | 0;
      o1 = (o1 + ((w1 >>> 8) & 0xff00ff)) | 0;
      e2 = (e2 + (w2 & 0xff00ff)) | 0;
      o2 = (o2 + ((w2 >>> 8) & 0xff00ff)) | 0;
      e3 = (e3 + (w3 & 0xff00ff)) | 0;
      o3 = (o3 + ((w3 >>> 8) & 0xff00ff)) | 0;
      e4 = (e4 + (w4 & 0xff00ff)) | 0;
      o4 = (o4 + ((w4 >>> 8) & 0xff00ff)) | 0;
      e5 = (e5 + (w5 & 0xff00ff)) | 0;
      o5 = (o5 + ((w5 >>> 8) & 0xff00ff)) | 0;
      e6 = (e6 + (w6 & 0xff00ff)) | 0;
      o6 = (o6 + ((w6 >>> 8) & 0xff00ff)) | 0;
      e7 = (e7 + (w7 & 0xff00ff)) | 0;
      o7 = (o7 + ((w7 >>> 8) & 0xff00ff)) | 0;
    }
    flushWord(0, e0, o0);
    flushWord(1, e1, o1);
    flushWord(2, e2, o2);
    flushWord(3, e3, o3);
    flushWord(4, e4, o4);
    flushWord(5, e5, o5);
    flushWord(6, e6, o6);
    flushWord(7, e7, o7);
  }
}

/** Adds word k's accumulators to its four byte lanes (little-endian: byte 4k is the low one). */
function flushWord(k: number, even: number, odd: number): void {
  const at = 4 * k;
  laneTotals[at] = (laneTotals[at] as number) + (even & 0xffff);
  laneTotals[at + 1] = (laneTotals[at + 1] as number) + (odd & 0xffff);
  laneTotals[at + 2] = (laneTotals[at + 2] as number) + (even >>> 16);
  laneTotals[at + 3] = (laneTotals[at + 3] as number) + (odd >>> 16);
}

/** Raw scores (logits) of both models of a pair for already extracted features, into `outFirst` and `outSecond`. */
export function scorePair(
  pair: ModelPair,
  buffer: FeatureBuffer,
  outFirst: Float64Array,
  outSecond: Float64Array,
): void {
  const { first, second, words } = pair;
  const a = first.sums.length;
  const b = second.sums.length;
  const sumsA = first.sums;
  const sumsB = second.sums;
  const count = buffer.length;
  if (words !== null) {
    sumRows(words, buffer.ids, count);
    // Each lane summed its weight plus 128 once per feature.
    const bias = 128 * count;
    for (let l = 0; l < a; l++) sumsA[l] = (laneTotals[l] as number) - bias;
    for (let l = 0; l < b; l++) sumsB[l] = (laneTotals[a + l] as number) - bias;
  } else sumBytes(pair.rows, buffer.ids, count, a, sumsA, b, sumsB);
  logits(first, outFirst);
  logits(second, outSecond);
}

/** The rows summed weight by weight (big-endian machines). */
function sumBytes(
  rows: Int8Array,
  ids: Int32Array,
  count: number,
  a: number,
  sumsA: Int32Array,
  b: number,
  sumsB: Int32Array,
): void {
  sumsA.fill(0);
  sumsB.fill(0);
  for (let f = 0; f < count; f++) {
    const row = (ids[f] as number) * PAIR_STRIDE;
    for (let l = 0; l < a; l++) sumsA[l] = (sumsA[l] as number) + (rows[row + l] as number);
    for (let l = 0; l < b; l++) sumsB[l] = (sumsB[l] as number) + (rows[row + a + l] as number);
  }
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
