/** @module Learned model outputs that the rule detectors blend in; null when no trained weights are available. */
import { extractFeatures } from "./hash-features.js";
import {
  type LinearModel,
  type ModelPair,
  pairModels,
  predictFeatures,
  predictPair,
  predictText,
  sameFeatures,
  scorePair,
  toProbabilities,
} from "./linear-model.js";
import { getModel, weightsGeneration } from "./weights-registry.js";

/** What the customer-side models say about one message. */
export interface LearnedCustomerSignals {
  /** GoEmotions label name → probability 0–1 (all 28 labels). */
  goemotions: Record<string, number>;
  /** Offensive-language classes → probability. */
  offensive: { hate: number; offensive: number; neither: number };
}

/** What the reply-side models say about one reply. */
export interface LearnedReplySignals {
  /** Reply label → probability 0–1, for labels a model exists for. */
  labels: Record<string, number>;
  /** Reply label → the probability at which the model's F1 peaked out of fold (a starting point for blending). */
  thresholds: Record<string, number>;
}

/** Raw per-model probabilities, in each model's label order. */
export interface CustomerProbabilities {
  goemotions: Float64Array;
  goemotionsLabels: readonly string[];
  goemotionsThresholds: readonly number[];
  offensive: Float64Array;
}

// analyzeCustomer asks for model fields and for signals on the same text: remember the last answer.
let memoText: string | null = null;
let memoGeneration = -1;
let memoProbs: CustomerProbabilities | null = null;
let memoSignals: LearnedCustomerSignals | null = null;

/** Probabilities from the customer-side models, or null when their weights are missing. */
export function customerProbabilities(text: string): CustomerProbabilities | null {
  const probs = readCustomerModels(text);
  // Callers may keep what they get: they get arrays of their own.
  return probs && { ...probs, goemotions: probs.goemotions.slice(), offensive: probs.offensive.slice() };
}

// Scratch arrays for the one reading kept at a time: typed arrays are costly to allocate on every message.
let scratchGo: Float64Array | null = null;
let scratchOff: Float64Array | null = null;

function scratch(current: Float64Array | null, length: number): Float64Array {
  return current !== null && current.length === length ? current : new Float64Array(length);
}

// The customer models interleaved for scoring, made again when either is replaced (registerWeights).
let pairedModels: readonly [LinearModel, LinearModel] | null = null;
let pair: ModelPair | null = null;

function pairFor(go: LinearModel, off: LinearModel): ModelPair | null {
  if (pairedModels === null || pairedModels[0] !== go || pairedModels[1] !== off) {
    pairedModels = [go, off];
    pair = pairModels(go, off);
  }
  return pair;
}

/**
 * `customerProbabilities` without the copy, for the coach's own use within one call: the arrays are overwritten by
 * the next message read.
 */
export function readCustomerModels(text: string): CustomerProbabilities | null {
  const generation = weightsGeneration();
  if (text === memoText && generation === memoGeneration) return memoProbs;
  const go = getModel("goemotions");
  const off = getModel("offensive");
  let probs: CustomerProbabilities | null = null;
  if (go && off) {
    const goemotions = scratch(scratchGo, go.labels.length);
    const offensive = scratch(scratchOff, off.labels.length);
    scratchGo = goemotions;
    scratchOff = offensive;
    const pair = pairFor(go, off);
    if (pair !== null) {
      // Both models usually read the same features: extract once, and score both from one row per feature.
      extractFeatures(text, go.file.features, go.buffer);
      scorePair(pair, go.buffer, goemotions, offensive);
      toProbabilities(go, goemotions);
      toProbabilities(off, offensive);
    } else {
      predictText(go, text, goemotions);
      if (sameFeatures(go.file.features, off.file.features)) predictFeatures(off, go.buffer, offensive);
      else predictText(off, text, offensive);
    }
    probs = {
      goemotions,
      goemotionsLabels: go.labels,
      goemotionsThresholds: go.file.thresholds ?? go.labels.map(() => 0.5),
      offensive,
    };
  }
  memoText = text;
  memoGeneration = generation;
  memoProbs = probs;
  memoSignals = null;
  return probs;
}

export function learnedCustomerSignals(text: string): LearnedCustomerSignals | null {
  const probs = readCustomerModels(text);
  if (!probs) return null;
  if (memoSignals) return memoSignals;
  const goemotions: Record<string, number> = {};
  probs.goemotionsLabels.forEach((label, i) => {
    goemotions[label] = probs.goemotions[i] ?? 0;
  });
  const [hate = 0, offensive = 0, neither = 1] = probs.offensive;
  memoSignals = Object.freeze({
    goemotions: Object.freeze(goemotions),
    offensive: Object.freeze({ hate, offensive, neither }),
  });
  return memoSignals;
}

/** Probabilities from the reply-label models (only labels where a model beat the rules on dev ship). */
export function learnedReplySignals(reply: string, customer: string | null): LearnedReplySignals | null {
  const model = getModel("reply-labels");
  if (!model) return null;
  const out = new Float64Array(model.labels.length);
  predictPair(model, reply, customer ?? "", out);
  const labels: Record<string, number> = {};
  const thresholds: Record<string, number> = {};
  model.labels.forEach((label, i) => {
    labels[label] = out[i] ?? 0;
    thresholds[label] = model.file.thresholds?.[i] ?? 0.5;
  });
  return { labels, thresholds };
}
