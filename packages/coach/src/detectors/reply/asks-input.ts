/** @module Reply detector for `asks_input` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectAsksInput(_input: ReplyInput): LabelResult {
  return { label: "asks_input", value: false, confidence: 0, spans: [] };
}
