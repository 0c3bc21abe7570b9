/** @module Small statistics for benchmark samples: median, percentiles, ratios and number formatting. */

/** Sorted copy, so callers keep their samples in measurement order. */
function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks (the "R-7" rule spreadsheets use).
 * NaN for an empty sample, so a missing measurement never passes as zero.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0 || Number.isNaN(p)) return Number.NaN;
  const s = sorted(samples);
  const clamped = Math.min(100, Math.max(0, p));
  const rank = (clamped / 100) * (s.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lo = s[lower] ?? Number.NaN;
  const hi = s[upper] ?? Number.NaN;
  return lo + (hi - lo) * (rank - lower);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  let total = 0;
  for (const x of samples) total += x;
  return total / samples.length;
}

export interface LatencySummary {
  runs: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    runs: samples.length,
    mean: mean(samples),
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** a / b, or NaN when b is zero or either side is not a finite number. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}

/** A number with a fixed count of significant-looking decimals, "n/a" when it is not finite. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 1 ? `${formatNumber(value * 1000, 0)} µs` : `${formatNumber(value, value < 10 ? 2 : 1)} ms`;
}
