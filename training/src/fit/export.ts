/** @module Turns fitted float weights into the compact int8 + base64 weights file the coach loads. */
import { encodeBase64 } from "../../../packages/coach/src/models/base64.js";
import type { FeatureConfig } from "../../../packages/coach/src/models/hash-features.js";
import type { LinearModelFile, OutputKind } from "../../../packages/coach/src/models/linear-model.js";
import type { FittedLinear } from "./linear.js";

/** Rounds to `digits` significant digits so the JSON is short and byte-stable. */
export function roundTo(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/** Per-label symmetric int8 quantisation: q = round(w / scale), scale = max|w| / 127. */
export function quantize(fit: FittedLinear): { bytes: Int8Array; scales: number[] } {
  const L = fit.labels;
  const rows = fit.weights.length / L;
  const maxAbs = new Float64Array(L);
  for (let j = 0; j < fit.weights.length; j++) {
    const l = j % L;
    maxAbs[l] = Math.max(maxAbs[l] ?? 0, Math.abs(fit.weights[j] ?? 0));
  }
  const scales = Array.from(maxAbs, (m) => roundTo(m > 0 ? m / 127 : 1));
  const bytes = new Int8Array(rows * L);
  for (let j = 0; j < bytes.length; j++) {
    const q = Math.round((fit.weights[j] ?? 0) / (scales[j % L] ?? 1));
    bytes[j] = Math.max(-127, Math.min(127, q));
  }
  return { bytes, scales };
}

/** Keeps only the given label columns of a fitted model. */
export function selectLabels(fit: FittedLinear, keep: readonly number[]): FittedLinear {
  const rows = fit.weights.length / fit.labels;
  const weights = new Float64Array(rows * keep.length);
  for (let r = 0; r < rows; r++) {
    keep.forEach((l, j) => {
      weights[r * keep.length + j] = fit.weights[r * fit.labels + l] ?? 0;
    });
  }
  return {
    hashBits: fit.hashBits,
    labels: keep.length,
    weights,
    bias: Float64Array.from(keep, (l) => fit.bias[l] ?? 0),
  };
}

export function toWeightsFile(args: {
  name: string;
  trainedOn: string;
  features: FeatureConfig;
  output: OutputKind;
  labels: string[];
  fit: FittedLinear;
  input?: "text" | "reply+customer";
}): LinearModelFile {
  const { bytes, scales } = quantize(args.fit);
  return {
    format: "keel-linear-v1",
    name: args.name,
    trainedOn: args.trainedOn,
    features: args.features,
    ...(args.input ? { input: args.input } : {}),
    output: args.output,
    labels: args.labels,
    scales,
    bias: Array.from(args.fit.bias, (b) => roundTo(b)),
    weights: encodeBase64(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)),
  };
}
