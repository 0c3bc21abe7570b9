/** @module Blends learned-model probabilities (GoEmotions, offensive language) into the rule-based reading. */
import type { CustomerProbabilities, LearnedCustomerSignals } from "../../models/learned.js";
import { EMOTIONS, type Emotion } from "../../types.js";

/** Which GoEmotions labels speak for each of our emotions (the strongest one counts). */
const GOEMOTIONS_FOR: Record<Emotion, readonly string[]> = {
  anger: ["anger"],
  annoyance: ["annoyance"],
  disappointment: ["disappointment"],
  frustration: ["annoyance", "disappointment", "disapproval"],
  confusion: ["confusion"],
  fear: ["fear", "nervousness"],
  sadness: ["sadness", "grief", "remorse"],
  gratitude: ["gratitude"],
  relief: ["relief"],
};

/** How much the model is trusted next to the rules (the rules stay explainable, so they keep the majority). */
const MODEL_SHARE = 0.4;

export interface RuleReading {
  anger: number;
  emotions: Record<Emotion, number>;
  abuseConfidence: number;
}

export function blendLearned(rules: RuleReading, learned: LearnedCustomerSignals | null): RuleReading {
  if (!learned) return rules;
  const p = (label: string) => clamp(learned.goemotions[label]);
  return blend(rules, p, learned.offensive.offensive ?? 0, learned.offensive.hate ?? 0);
}

/** Where each label `blend` reads sits in the model's label list (-1 when the model lacks it). */
interface LabelPositions {
  labels: readonly string[];
  /** Per emotion (in EMOTIONS order), the positions of its labels. */
  forEmotion: number[][];
  anger: number;
  annoyance: number;
  disgust: number;
}

let positions: LabelPositions | null = null;
const modelScores = new Float64Array(EMOTIONS.length);

/** `blendLearned` on the models' raw probabilities: the same reading without building the labelled record. */
export function blendProbabilities(rules: RuleReading, probs: CustomerProbabilities | null): RuleReading {
  if (!probs) return rules;
  const labels = probs.goemotionsLabels;
  if (positions?.labels !== labels) {
    positions = {
      labels,
      forEmotion: EMOTIONS.map((e) => GOEMOTIONS_FOR[e].map((label) => labels.indexOf(label))),
      anger: labels.indexOf("anger"),
      annoyance: labels.indexOf("annoyance"),
      disgust: labels.indexOf("disgust"),
    };
  }
  const scores = probs.goemotions;
  const at = positions;
  for (let e = 0; e < EMOTIONS.length; e++) {
    let model = 0;
    for (const i of at.forEmotion[e] as number[]) model = Math.max(model, scoreAt(scores, i));
    modelScores[e] = model;
  }
  const modelAnger = modelAngerOf(
    scoreAt(scores, at.anger),
    scoreAt(scores, at.annoyance),
    scoreAt(scores, at.disgust),
  );
  return mix(rules, modelScores, modelAnger, probs.offensive[1] ?? 0, probs.offensive[0] ?? 0);
}

/** The same number `blend` would read through a label lookup, by position (-1: a label the model lacks). */
function scoreAt(scores: Float64Array, i: number): number {
  return i < 0 ? 0 : clamp(scores[i] ?? 0);
}

function clamp(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

function blend(
  rules: RuleReading,
  p: (label: string) => number,
  offensiveP: number,
  hateP: number,
): RuleReading {
  const model = new Float64Array(EMOTIONS.length);
  EMOTIONS.forEach((e, k) => {
    for (const label of GOEMOTIONS_FOR[e]) model[k] = Math.max(model[k] ?? 0, p(label));
  });
  return mix(rules, model, modelAngerOf(p("anger"), p("annoyance"), p("disgust")), offensiveP, hateP);
}

function modelAngerOf(anger: number, annoyance: number, disgust: number): number {
  return 100 * Math.min(1, anger + 0.5 * annoyance + 0.3 * disgust);
}

/** The rules and the model mixed: `model` holds the model's score for each emotion, in EMOTIONS order. */
function mix(
  rules: RuleReading,
  model: Float64Array,
  modelAnger: number,
  offensiveP: number,
  hateP: number,
): RuleReading {
  const r = rules.emotions;
  // One literal in EMOTIONS order, not a copy written key by key: stores by a computed key are slow on this path.
  const emotions: Record<Emotion, number> = {
    anger: mixOne(r.anger, model[0]),
    annoyance: mixOne(r.annoyance, model[1]),
    disappointment: mixOne(r.disappointment, model[2]),
    frustration: mixOne(r.frustration, model[3]),
    confusion: mixOne(r.confusion, model[4]),
    fear: mixOne(r.fear, model[5]),
    sadness: mixOne(r.sadness, model[6]),
    gratitude: mixOne(r.gratitude, model[7]),
    relief: mixOne(r.relief, model[8]),
  };
  const offensive = Math.min(1, Math.max(0, offensiveP + hateP));
  return {
    anger: Math.round((1 - MODEL_SHARE) * rules.anger + MODEL_SHARE * modelAnger),
    emotions,
    // Offensive-language models also fire on profanity aimed at no one, so they can only raise the rules' reading.
    abuseConfidence: round(Math.max(rules.abuseConfidence, 0.7 * rules.abuseConfidence + 0.3 * offensive)),
  };
}

function mixOne(rule: number, model: number | undefined): number {
  return round((1 - MODEL_SHARE) * rule + MODEL_SHARE * (model ?? 0));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
