/** @module Reply detector for `blame` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectBlame(_input: ReplyInput): LabelResult {
  return { label: "blame", value: false, confidence: 0, spans: [] };
}
