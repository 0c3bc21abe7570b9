/** @module Reply detector for `sets_boundary` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectSetsBoundary(_input: ReplyInput): LabelResult {
  return { label: "sets_boundary", value: false, confidence: 0, spans: [] };
}
