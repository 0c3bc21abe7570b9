/** @module The model-backed fields of the coach's results (emotion labels, complaint, offensive, empathy, politeness). */

import { normalizeWord } from "../text/tokenize.js";
import type { EmpathyLevels, OffensiveClass } from "../types.js";
import { type CueCounts, complaintProbability } from "./complaint.js";
import { empathyLevelsOfLowered } from "./empathy.js";
import { type CustomerProbabilities, readCustomerModels } from "./learned.js";
import { politenessScoreOfLowered } from "./politeness.js";
import { getBlend } from "./weights-registry.js";

export interface CustomerModelFields {
  emotion_labels: string[];
  complaint: boolean;
  complaint_probability: number;
  offensive: OffensiveClass;
}

export interface ReplyModelFields {
  empathy_levels: EmpathyLevels;
  politeness: number;
}

const OFFENSIVE_CLASSES: readonly OffensiveClass[] = ["hate", "offensive", "neither"];

/**
 * Labels whose calibrated probability reaches their tuned threshold. When none does, the label closest to its
 * threshold is kept, since every GoEmotions comment carries at least one label (neutral included).
 */
export function emotionLabels(probs: CustomerProbabilities, atLeastOne = true): string[] {
  const labels: string[] = [];
  let best = 0;
  let bestRatio = -1;
  const names = probs.goemotionsLabels;
  for (let i = 0; i < names.length; i++) {
    const p = probs.goemotions[i] ?? 0;
    const t = probs.goemotionsThresholds[i] ?? 0.5;
    if (p >= t) labels.push(names[i] as string);
    if (p / t > bestRatio) {
      bestRatio = p / t;
      best = i;
    }
  }
  if (labels.length === 0 && atLeastOne) labels.push(probs.goemotionsLabels[best] ?? "neutral");
  return labels;
}

export function offensiveClass(probs: CustomerProbabilities): OffensiveClass {
  let best = 2;
  for (let i = 0; i < 3; i++) if ((probs.offensive[i] ?? 0) > (probs.offensive[best] ?? 0)) best = i;
  return OFFENSIVE_CLASSES[best] ?? "neither";
}

/** The model fields of `text`; `cues` are its complaint cue counts when the caller has read them already. */
export function customerModelFields(text: string, cues?: CueCounts): CustomerModelFields {
  const probs = readCustomerModels(text);
  if (!probs) return { emotion_labels: [], complaint: false, complaint_probability: 0, offensive: "neither" };
  const blend = getBlend("complaint");
  const p = blend ? complaintProbability(text, probs, blend, cues) : 0;
  return {
    emotion_labels: emotionLabels(probs),
    complaint: blend !== null && p >= blend.threshold,
    complaint_probability: p,
    offensive: offensiveClass(probs),
  };
}

export function replyModelFields(reply: string, _customer: string | null): ReplyModelFields {
  // Both rule sets read the reply lower-cased with straight apostrophes: made once for the two.
  const lower = normalizeWord(reply);
  return { empathy_levels: empathyLevelsOfLowered(lower), politeness: politenessScoreOfLowered(lower) };
}
