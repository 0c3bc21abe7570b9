/** @module The model-backed fields of the coach's results (emotion labels, complaint, offensive, empathy, politeness). */
import type { EmpathyLevels, OffensiveClass } from "../types.js";

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

export function customerModelFields(_text: string): CustomerModelFields {
  return { emotion_labels: [], complaint: false, complaint_probability: 0, offensive: "neither" };
}

export function replyModelFields(_reply: string, _customer: string | null): ReplyModelFields {
  return { empathy_levels: { emotional_reactions: 0, interpretations: 0, explorations: 0 }, politeness: 0.5 };
}
