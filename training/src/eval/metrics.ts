/** @module Classification metrics for evaluation reports: binary precision/recall/F1, macro-F1 and confusion matrices. */

export interface BinaryMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Gold positives. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Zero when the denominator is zero, so an empty class scores 0 rather than NaN. */
function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

export function f1Score(precision: number, recall: number): number {
  return ratio(2 * precision * recall, precision + recall);
}

/** Precision/recall/F1 of `predicted` against `gold`; the arrays are paired by index and must have equal length. */
export function binaryMetrics(gold: readonly boolean[], predicted: readonly boolean[]): BinaryMetrics {
  if (gold.length !== predicted.length) {
    throw new RangeError(`gold has ${gold.length} items, predicted has ${predicted.length}`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] === true;
    if (g && p) tp++;
    else if (!g && p) fp++;
    else if (g && !p) fn++;
    else tn++;
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, tn, support: tp + fn, precision, recall, f1: f1Score(precision, recall) };
}

/** F1 of the trivial classifier that always answers `true`: precision is the base rate, recall is 1. */
export function alwaysTrueF1(gold: readonly boolean[]): number {
  const positives = gold.filter(Boolean).length;
  return f1Score(ratio(positives, gold.length), positives > 0 ? 1 : 0);
}

/** Mean of the given F1 scores; `null` when there are none (nothing to average is not a score of 0). */
export function macroF1(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

export interface Confusion<C extends string | number> {
  classes: readonly C[];
  /** `matrix[g][p]`: items of gold class `classes[g]` predicted as `classes[p]`. */
  matrix: number[][];
}

/** Confusion matrix over a fixed class list; items whose gold or predicted class is not listed are ignored. */
export function confusion<C extends string | number>(
  classes: readonly C[],
  gold: readonly C[],
  predicted: readonly C[],
): Confusion<C> {
  if (gold.length !== predicted.length) {
    throw new RangeError(`gold has ${gold.length} items, predicted has ${predicted.length}`);
  }
  const matrix = classes.map(() => classes.map(() => 0));
  gold.forEach((g, i) => {
    const row = matrix[classes.indexOf(g)];
    const col = classes.indexOf(predicted[i] as C);
    if (row && col >= 0) row[col] = (row[col] ?? 0) + 1;
  });
  return { classes, matrix };
}

export interface MulticlassMetrics {
  accuracy: number;
  /** Mean per-class F1 over classes present in gold or predictions; `null` for empty input. */
  macroF1: number | null;
  perClass: { cls: string | number; precision: number; recall: number; f1: number; support: number }[];
}

export function multiclassMetrics<C extends string | number>(cm: Confusion<C>): MulticlassMetrics {
  const { classes, matrix } = cm;
  const cell = (g: number, p: number) => matrix[g]?.[p] ?? 0;
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  let correct = 0;
  const perClass: MulticlassMetrics["perClass"] = [];
  const counted: number[] = [];
  classes.forEach((cls, k) => {
    const tp = cell(k, k);
    correct += tp;
    const support = classes.reduce((s, _, p) => s + cell(k, p), 0);
    const predictedK = classes.reduce((s, _, g) => s + cell(g, k), 0);
    const precision = ratio(tp, predictedK);
    const recall = ratio(tp, support);
    const f1 = f1Score(precision, recall);
    perClass.push({ cls, precision, recall, f1, support });
    if (support > 0 || predictedK > 0) counted.push(f1);
  });
  return { accuracy: ratio(correct, total), macroF1: macroF1(counted), perClass };
}

/** The most frequent value (first seen wins ties), the prediction of a majority-class baseline. */
export function majorityClass<C>(values: readonly C[]): C | undefined {
  const counts = new Map<C, number>();
  let best: C | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
