/** @module Reply detector for `apology_sincere` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectApologySincere(_input: ReplyInput): LabelResult {
  return { label: "apology_sincere", value: false, confidence: 0, spans: [] };
}
