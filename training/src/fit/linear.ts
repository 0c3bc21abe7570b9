/** @module Sparse logistic / softmax regression trained with AdaGrad on hashed features, deterministic for a fixed seed. */
import {
  extractFeatures,
  FeatureBuffer,
  type FeatureConfig,
} from "../../../packages/coach/src/models/hash-features.js";
import { seededRandom, shuffleInPlace } from "./random.js";

export interface Example {
  features: Int32Array;
  /** Feature values paired with `features`; all 1 when absent (hashed counts). */
  values?: Float64Array;
  /** Targets per label: 0/1 for sigmoid outputs; for softmax exactly one label is 1. */
  targets: Float64Array;
}

export interface FitOptions {
  output: "sigmoid" | "softmax";
  epochs: number;
  learningRate: number;
  /** L2 strength applied to touched weights at each step. */
  l2: number;
  seed: number;
  /** Per-label weight on positive targets (sigmoid) or per-class weight (softmax); default 1. */
  labelWeights?: number[];
  /** Dense feature slots after the hash buckets (e.g. embedding dimensions). */
  extraFeatures?: number;
}

export interface FittedLinear {
  hashBits: number;
  labels: number;
  weights: Float64Array;
  bias: Float64Array;
}

export function featurize(texts: readonly string[], cfg: FeatureConfig): Int32Array[] {
  const buf = new FeatureBuffer();
  return texts.map((t) => {
    extractFeatures(t, cfg, buf);
    return buf.ids.slice(0, buf.length);
  });
}

export function fitLinear(
  examples: readonly Example[],
  hashBits: number,
  L: number,
  opt: FitOptions,
): FittedLinear {
  const B = (1 << hashBits) + (opt.extraFeatures ?? 0);
  const W = new Float64Array(B * L);
  const G = new Float64Array(B * L);
  const bias = new Float64Array(L);
  const gBias = new Float64Array(L);
  const z = new Float64Array(L);
  const grad = new Float64Array(L);
  const order = examples.map((_, i) => i);
  const random = seededRandom(opt.seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const idx of order) {
      const ex = examples[idx] as Example;
      const f = ex.features;
      const v = ex.values;
      for (let l = 0; l < L; l++) z[l] = bias[l] ?? 0;
      for (let k = 0; k < f.length; k++) {
        const row = (f[k] ?? 0) * L;
        const x = v ? (v[k] ?? 0) : 1;
        for (let l = 0; l < L; l++) z[l] = (z[l] ?? 0) + x * (W[row + l] ?? 0);
      }
      lossGradient(z, ex.targets, opt, grad);
      for (let l = 0; l < L; l++) {
        const g = grad[l] ?? 0;
        gBias[l] = (gBias[l] ?? 0) + g * g;
        bias[l] = (bias[l] ?? 0) - (opt.learningRate * g) / Math.sqrt((gBias[l] ?? 0) + eps);
      }
      for (let k = 0; k < f.length; k++) {
        const row = (f[k] ?? 0) * L;
        const x = v ? (v[k] ?? 0) : 1;
        for (let l = 0; l < L; l++) {
          const j = row + l;
          const w = W[j] ?? 0;
          const g = (grad[l] ?? 0) * x + opt.l2 * w;
          if (g === 0) continue;
          G[j] = (G[j] ?? 0) + g * g;
          W[j] = w - (opt.learningRate * g) / Math.sqrt((G[j] ?? 0) + eps);
        }
      }
    }
  }
  return { hashBits, labels: L, weights: W, bias };
}

/** d(loss)/d(z) per label into `grad`. */
function lossGradient(z: Float64Array, y: Float64Array, opt: FitOptions, grad: Float64Array): void {
  const L = z.length;
  const lw = opt.labelWeights;
  if (opt.output === "sigmoid") {
    for (let l = 0; l < L; l++) {
      const p = 1 / (1 + Math.exp(-(z[l] ?? 0)));
      const t = y[l] ?? 0;
      const w = t > 0 ? (lw?.[l] ?? 1) : 1;
      grad[l] = w * (p - t);
    }
    return;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < L; l++) max = Math.max(max, z[l] ?? 0);
  let total = 0;
  for (let l = 0; l < L; l++) total += Math.exp((z[l] ?? 0) - max);
  let w = 1;
  for (let l = 0; l < L; l++) if ((y[l] ?? 0) > 0) w = lw?.[l] ?? 1;
  for (let l = 0; l < L; l++) grad[l] = w * (Math.exp((z[l] ?? 0) - max) / total - (y[l] ?? 0));
}
