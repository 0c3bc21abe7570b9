/** @module Reply detector for `overpromise` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectOverpromise(_input: ReplyInput): LabelResult {
  return { label: "overpromise", value: false, confidence: 0, spans: [] };
}
