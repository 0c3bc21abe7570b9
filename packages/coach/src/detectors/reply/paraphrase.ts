/** @module Reply detector for `paraphrase` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectParaphrase(_input: ReplyInput): LabelResult {
  return { label: "paraphrase", value: false, confidence: 0, spans: [] };
}
