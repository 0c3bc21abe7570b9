/** @module Cost figures printed next to model scores: weights size on disk and messages per second. */
import { statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../data/read.js";

/** Bytes of the named weights files in `packages/coach/weights/` (0 for a missing file). */
export function weightsBytes(...names: string[]): number {
  return names.reduce((sum, n) => {
    try {
      return sum + statSync(join(REPO_ROOT, "packages/coach/weights", `${n}.json`)).size;
    } catch {
      return sum;
    }
  }, 0);
}

/** Calls `fn` over `texts` round-robin for about `budgetMs` after one warm-up pass; returns calls per second. */
export function throughput(texts: readonly string[], fn: (text: string) => unknown, budgetMs = 400): number {
  if (texts.length === 0) return 0;
  for (const t of texts.slice(0, 200)) fn(t);
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 100; i++) fn(texts[(calls + i) % texts.length] ?? "");
    calls += 100;
    elapsed = performance.now() - started;
  }
  return Math.round((calls * 1000) / elapsed);
}

/** Spearman rank correlation (average ranks for ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = rank;
    i = j + 1;
  }
  return out;
}
