/** @module Reply detector for `timeline` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectTimeline(_input: ReplyInput): LabelResult {
  return { label: "timeline", value: false, confidence: 0, spans: [] };
}
