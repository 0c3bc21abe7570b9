/** @module Where models find their weights: registered at run time (lazy browser loading) or bundled with the package. */
import { BUNDLED_WEIGHTS, type WeightsFiles } from "./bundled-weights.js";
import { type LinearModel, loadLinearModel } from "./linear-model.js";

/** Names of the weights files the coach knows how to use. */
export type WeightsName = keyof WeightsFiles;

const registered: Partial<WeightsFiles> = {};
const loaded = new Map<string, LinearModel | null>();
let generation = 0;

/**
 * Installs weights (e.g. fetched by a web app after first paint), replacing the bundled ones. Returns the load
 * error instead of throwing, so a bad file leaves the coach running on its rules.
 */
export function registerWeights<N extends WeightsName>(
  name: N,
  file: WeightsFiles[N],
): { ok: true } | { ok: false; reason: string } {
  if (file.name !== name) return { ok: false, reason: `file holds ${file.name}, not ${name}` };
  if (file.format === "keel-linear-v1") {
    const result = loadLinearModel(file);
    if (!result.ok) return result;
    loaded.set(name, result.model);
  } else if (file.format !== "keel-blend-v1") {
    return { ok: false, reason: "unknown weights format" };
  }
  registered[name] = file;
  generation++;
  return { ok: true };
}

function fileFor<N extends WeightsName>(name: N): WeightsFiles[N] | undefined {
  return registered[name] ?? BUNDLED_WEIGHTS[name];
}

/** A linear model, decoded once on first use; null when no weights are available. */
export function getModel(name: "goemotions" | "offensive" | "reply-labels"): LinearModel | null {
  const cached = loaded.get(name);
  if (cached !== undefined) return cached;
  const file = fileFor(name);
  const result = file ? loadLinearModel(file) : null;
  const model = result?.ok ? result.model : null;
  loaded.set(name, model);
  return model;
}

/** A small blend's parameters (no decoding needed). */
export function getBlend(name: "complaint"): WeightsFiles["complaint"] | null {
  return fileFor(name) ?? null;
}

/** Changes whenever weights are registered, so callers can drop memoised predictions. */
export function weightsGeneration(): number {
  return generation;
}
