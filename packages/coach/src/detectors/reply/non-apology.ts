/** @module Reply detector for `non_apology` (see reply-labels GUIDE.md). */
import type { LabelResult } from "../../types.js";
import type { ReplyInput } from "./detector.js";

export function detectNonApology(_input: ReplyInput): LabelResult {
  return { label: "non_apology", value: false, confidence: 0, spans: [] };
}
