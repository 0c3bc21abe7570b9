/** @module Reply detector for `acknowledges` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectAcknowledges(_input: ReplyInput): LabelResult {
  return { label: "acknowledges", value: false, confidence: 0, spans: [] };
}
