/** @module Reply detector for `next_step` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectNextStep(_input: ReplyInput): LabelResult {
  return { label: "next_step", value: false, confidence: 0, spans: [] };
}
