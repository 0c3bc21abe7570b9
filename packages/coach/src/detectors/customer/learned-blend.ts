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

interface LabelPositions {
  labels: readonly string[];
  at: Map<string, number>;
}

let positions: LabelPositions | null = null;

/** `blendLearned` on the models' raw probabilities: the same reading without building the labelled record. */
export function blendProbabilities(rules: RuleReading, probs: CustomerProbabilities | null): RuleReading {
  if (!probs) return rules;
  if (positions?.labels !== probs.goemotionsLabels) {
    const at = new Map<string, number>();
    probs.goemotionsLabels.forEach((label, i) => {
      at.set(label, i);
    });
    positions = { labels: probs.goemotionsLabels, at };
  }
  const at = positions.at;
  const scores = probs.goemotions;
  const p = (label: string) => {
    const i = at.get(label);
    return i === undefined ? 0 : clamp(scores[i] ?? 0);
  };
  return blend(rules, p, probs.offensive[1] ?? 0, probs.offensive[0] ?? 0);
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
  const emotions = { ...rules.emotions };
  for (const e of EMOTIONS) {
    let model = 0;
    for (const label of GOEMOTIONS_FOR[e]) model = Math.max(model, p(label));
    emotions[e] = round((1 - MODEL_SHARE) * rules.emotions[e] + MODEL_SHARE * model);
  }
  const modelAnger = 100 * Math.min(1, p("anger") + 0.5 * p("annoyance") + 0.3 * p("disgust"));
  const offensive = Math.min(1, Math.max(0, offensiveP + hateP));
  return {
    anger: Math.round((1 - MODEL_SHARE) * rules.anger + MODEL_SHARE * modelAnger),
    emotions,
    // Offensive-language models also fire on profanity aimed at no one, so they can only raise the rules' reading.
    abuseConfidence: round(Math.max(rules.abuseConfidence, 0.7 * rules.abuseConfidence + 0.3 * offensive)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
