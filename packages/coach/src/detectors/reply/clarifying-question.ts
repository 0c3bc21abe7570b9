/** @module Reply detector for `clarifying_question` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectClarifyingQuestion(_input: ReplyInput): LabelResult {
  return { label: "clarifying_question", value: false, confidence: 0, spans: [] };
}
