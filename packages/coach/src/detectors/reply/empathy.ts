/** @module Reply detector for `empathy` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectEmpathy(_input: ReplyInput): LabelResult {
  return { label: "empathy", value: false, confidence: 0, spans: [] };
}
