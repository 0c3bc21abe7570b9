/** @module Reply detector for `negative_language` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectNegativeLanguage(_input: ReplyInput): LabelResult {
  return { label: "negative_language", value: false, confidence: 0, spans: [] };
}
