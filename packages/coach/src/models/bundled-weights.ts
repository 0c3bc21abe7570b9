/**
 * @module The weights shipped inside the package, imported statically so Node and bundlers get them with no setup call.
 * A lite browser build aliases this module to `bundled-weights.lite.ts` and calls `registerWeights` after fetching.
 */
import complaint from "../../weights/complaint.json" with { type: "json" };
import goemotions from "../../weights/goemotions.json" with { type: "json" };
import offensive from "../../weights/offensive.json" with { type: "json" };
import replyLabels from "../../weights/reply-labels.json" with { type: "json" };
import type { ComplaintBlendFile } from "./complaint.js";
import type { LinearModelFile } from "./linear-model.js";

/** Every weights file by name. */
export interface WeightsFiles {
  goemotions: LinearModelFile;
  offensive: LinearModelFile;
  complaint: ComplaintBlendFile;
  "reply-labels": LinearModelFile;
}

export const BUNDLED_WEIGHTS: Partial<WeightsFiles> = {
  goemotions: goemotions as LinearModelFile,
  offensive: offensive as LinearModelFile,
  complaint: complaint as ComplaintBlendFile,
  "reply-labels": replyLabels as LinearModelFile,
};
