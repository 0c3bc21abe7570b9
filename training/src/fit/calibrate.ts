/** @module Platt scaling and per-label threshold search on a held-out fold of the training data. */

/** Fits p = σ(a·z + b) to binary targets: Newton steps with backtracking on the log-loss (Platt's smoothed targets). */
export function fitPlatt(scores: readonly number[], targets: readonly boolean[]): [number, number] {
  const pos = targets.filter(Boolean).length;
  const neg = targets.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = targets.map((y) => (y ? hi : lo));
  const loss = (a: number, b: number) =>
    scores.reduce((sum, z, i) => {
      const f = a * z + b;
      const ti = t[i] ?? 0;
      // log(1 + e^f) - t·f, computed stably.
      return sum + (f > 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f))) - ti * f;
    }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    scores.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - (t[i] ?? 0);
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-6) {
      const next = loss(a - step * da, b - step * db);
      if (next < current) {
        a -= step * da;
        b -= step * db;
        const gain = current - next;
        current = next;
        if (gain < 1e-10) return [a, b];
        break;
      }
      step /= 2;
    }
    if (step <= 1e-6) break;
  }
  return [a, b];
}

/** The probability threshold (on a 0.01 grid) with the best F1 on the fold; ties keep the lower threshold. */
export function bestF1Threshold(
  probs: readonly number[],
  targets: readonly boolean[],
): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 1; step < 100; step++) {
    const t = step / 100;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    probs.forEach((p, i) => {
      const y = targets[i] === true;
      if (p >= t) {
        if (y) tp++;
        else fp++;
      } else if (y) fn++;
    });
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}
