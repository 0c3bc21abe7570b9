/** @module Keel's coach: reads the customer and coaches the reply. Pure, synchronous, no I/O, no dependencies. */
export { analyzeCustomer } from "./analyze-customer.js";
export { coachReply } from "./coach-reply.js";
export type { WeightsFiles } from "./models/bundled-weights.js";
export { registerWeights, type WeightsName } from "./models/weights-registry.js";
export { extractPromises } from "./promises/extract-promises.js";
export { type Sentence, type Token, type Tokenized, tokenize } from "./text/tokenize.js";
export * from "./types.js";

export const COACH_VERSION = "0.1.0";
