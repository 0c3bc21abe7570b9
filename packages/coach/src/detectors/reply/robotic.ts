/** @module Reply detector for `robotic` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectRobotic(_input: ReplyInput): LabelResult {
  return { label: "robotic", value: false, confidence: 0, spans: [] };
}
