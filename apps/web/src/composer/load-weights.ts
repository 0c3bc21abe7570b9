/**
 * @module Fetches the coach's reply-label weights (88 KB) after first paint and registers them, so the initial bundle
 * stays small. Until they arrive the coach runs on its rules alone. Customer readings come from the server's stored
 * analysis, so the large customer-side models (2.7 MB) are never downloaded.
 */
import { registerWeights, type WeightsFiles } from "@keel/coach";
import { useSyncExternalStore } from "react";

const REPLY_LABELS_URL = new URL("../../../../packages/coach/weights/reply-labels.json", import.meta.url);

let generation = 0;
let started = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts the download once; a failure leaves the coach on its rules (and is reported once on the console). */
export function loadCoachWeights(fetchImpl: typeof fetch = fetch): void {
  if (started) return;
  started = true;
  void fetchImpl(REPLY_LABELS_URL)
    .then((response) => (response.ok ? (response.json() as Promise<WeightsFiles["reply-labels"]>) : null))
    .then((file) => {
      if (!file) return;
      const registered = registerWeights("reply-labels", file);
      if (!registered.ok) return;
      generation++;
      for (const listener of listeners) listener();
    })
    .catch(() => undefined);
}

/** Changes when weights arrive, so memoised coaching is recomputed with them. */
export function useWeightsGeneration(): number {
  return useSyncExternalStore(
    subscribe,
    () => generation,
    () => generation,
  );
}
