/** @module Empty stand-in for `bundled-weights.ts` in a lite browser build: weights arrive later via `registerWeights`. */
import type { WeightsFiles } from "./bundled-weights.js";

export const BUNDLED_WEIGHTS: Partial<WeightsFiles> = {};
