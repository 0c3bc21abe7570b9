/** @module Forced garbage collection and retained-heap measurement, so memory figures are not GC noise. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gcFn: (() => void) | null | undefined;

/** `global.gc` when Node was started with --expose-gc, else enabled at run time; null if neither works. */
function collector(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") gcFn = existing;
  else {
    try {
      setFlagsFromString("--expose-gc");
      const fn: unknown = runInNewContext("gc");
      gcFn = typeof fn === "function" ? (fn as () => void) : null;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}

/** Heap in use after a full collection (bytes); NaN-free but noisier when GC cannot be forced. */
export function settledHeap(): number {
  const gc = collector();
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export function canForceGc(): boolean {
  return collector() !== null;
}

/** Runs `work` and returns its result with the heap it left retained afterwards. */
export async function retainedHeap<T>(work: () => Promise<T> | T): Promise<{ value: T; bytes: number }> {
  const before = settledHeap();
  const value = await work();
  const bytes = settledHeap() - before;
  return { value, bytes };
}

export function formatMb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : "n/a";
}
