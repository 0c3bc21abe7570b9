/** @module Reply detector for `escalation_needed` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectEscalationNeeded(_input: ReplyInput): LabelResult {
  return { label: "escalation_needed", value: false, confidence: 0, spans: [] };
}
