/** @module Evaluation task `goemotions`: 28-way multi-label emotions on GoEmotions dev, next to the paper's BERT-base. */
import { readFileSync } from "node:fs";
import { customerProbabilities } from "../../../packages/coach/src/models/learned.js";
import { customerModelFields, emotionLabels } from "../../../packages/coach/src/models/model-fields.js";
import { readGoEmotions } from "../data/datasets.js";
import { dataPath } from "../data/read.js";
import { binaryMetrics } from "./metrics.js";
import { throughput, weightsBytes } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

/** Paper (Demszky et al. 2020, BERT-base, test split) per-emotion F1 as listed in the data README (second-hand). */
export const PAPER_F1: Readonly<Record<string, number>> = {
  admiration: 0.65,
  amusement: 0.8,
  anger: 0.47,
  annoyance: 0.34,
  approval: 0.36,
  caring: 0.39,
  confusion: 0.37,
  curiosity: 0.54,
  disappointment: 0.28,
  disapproval: 0.39,
  gratitude: 0.86,
  joy: 0.51,
  love: 0.78,
  neutral: 0.68,
  optimism: 0.51,
  realization: 0.21,
  sadness: 0.49,
};

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Macro-F1 after mapping fine labels to groups (Ekman), as the paper's grouped scores do. */
function groupedMacroF1(gold: string[][], predicted: string[][], groups: Record<string, string[]>): number {
  const groupOf = new Map<string, string>();
  for (const [g, members] of Object.entries(groups)) for (const m of members) groupOf.set(m, g);
  groupOf.set("neutral", "neutral");
  const names = [...Object.keys(groups), "neutral"];
  const toGroups = (labels: string[]) => new Set(labels.map((l) => groupOf.get(l) ?? l));
  const g = gold.map(toGroups);
  const p = predicted.map(toGroups);
  return mean(
    names.map(
      (n) =>
        binaryMetrics(
          g.map((s) => s.has(n)),
          p.map((s) => s.has(n)),
        ).f1,
    ),
  );
}

async function run(): Promise<string> {
  const dev = readGoEmotions("dev");
  if (!dev.ok) return `skipped: ${dev.reason}`;
  const { rows, names } = dev;
  const probs = rows.map((r) => {
    const p = customerProbabilities(r.text);
    if (!p) throw new Error("GoEmotions weights missing: run npm run train");
    return { ...p, goemotions: p.goemotions.slice() };
  });
  const gold = rows.map((r) => r.labels.map((l) => names[l] ?? ""));
  const variants = {
    "thresholds + at least one label (shipped)": probs.map((p) => emotionLabels(p, true)),
    "thresholds only": probs.map((p) => emotionLabels(p, false)),
    "fixed 0.5": probs.map((p) => p.goemotionsLabels.filter((_, i) => (p.goemotions[i] ?? 0) >= 0.5)),
  };
  const perLabel = (pred: string[][]) =>
    names.map((n) =>
      binaryMetrics(
        gold.map((g) => g.includes(n)),
        pred.map((p) => p.includes(n)),
      ),
    );
  const shipped = perLabel(variants["thresholds + at least one label (shipped)"]);
  const ekman = JSON.parse(readFileSync(dataPath("goemotions", "ekman_mapping.json"), "utf8")) as Record<
    string,
    string[]
  >;
  const summary: Cell[][] = Object.entries(variants).map(([name, pred]) => [
    name,
    mean(perLabel(pred).map((m) => m.f1)),
    groupedMacroF1(gold, pred, ekman),
  ]);
  summary.push(["paper BERT-base (test split)", 0.46, 0.64]);
  summary.push(["reproduction bert-base-cased (monologg, dev)", 0.5016, null]);
  const table: Cell[][] = names.map((n, i) => {
    const m = shipped[i];
    return [n, String(m?.support ?? 0), m?.precision ?? 0, m?.recall ?? 0, m?.f1 ?? 0, PAPER_F1[n] ?? null];
  });
  const texts = rows.map((r) => r.text);
  const msgsPerSec = throughput(texts, customerModelFields);
  return [
    `GoEmotions dev (${rows.length} comments; no test split in shared/, so dev it is). Licence: Apache-2.0.`,
    "",
    formatTable(["decision rule", "macro-F1 (28)", "Ekman macro-F1 (7)"], summary),
    "",
    formatTable(["emotion", "support", "P", "R", "F1", "paper F1"], table),
    "",
    `model size: ${weightsBytes("goemotions")} bytes (goemotions.json); customerModelFields (emotions + offensive + complaint): ${msgsPerSec} msgs/s`,
  ].join("\n");
}

export const goemotionsTask: EvalTask = { name: "goemotions", run };
