/** @module Evaluation task `empathy`: EPITOME mechanisms (0/1/2) on its dev split (evaluation only). */
import { empathyLevels } from "../../../packages/coach/src/models/empathy.js";
import type { EmpathyLevels } from "../../../packages/coach/src/types.js";
import { EMPATHY_MECHANISMS, type EmpathyMechanism, readEpitome } from "../data/datasets.js";
import { confusion, multiclassMetrics } from "./metrics.js";
import { throughput } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

const FIELD: Record<EmpathyMechanism, keyof EmpathyLevels> = {
  "emotional-reactions": "emotional_reactions",
  interpretations: "interpretations",
  explorations: "explorations",
};
/** Third-party rerun of the authors' code (issue behavioral-data/Empathy-Mental-Health#4): accuracy, macro-F1. */
const RERUN: Record<EmpathyMechanism, [number, number]> = {
  "emotional-reactions": [0.7856, 0.7638],
  interpretations: [0.8494, 0.6573],
  explorations: [0.9106, 0.7172],
};

async function run(): Promise<string> {
  const rows: Cell[][] = [];
  let texts: string[] = [];
  for (const mechanism of EMPATHY_MECHANISMS) {
    const dev = readEpitome(mechanism, "dev");
    if (!dev.ok) return `skipped: ${dev.reason}`;
    texts = dev.rows.map((r) => r.response);
    const gold = dev.rows.map((r) => r.level);
    const predicted = dev.rows.map((r) => empathyLevels(r.response, r.seeker)[FIELD[mechanism]]);
    const m = multiclassMetrics(confusion([0, 1, 2], gold, predicted));
    const majority = gold.filter((g) => g === 0).length / gold.length;
    const [refAcc, refF1] = RERUN[mechanism];
    rows.push([
      mechanism,
      String(gold.length),
      m.accuracy,
      m.macroF1,
      ...m.perClass.map((c) => c.f1),
      majority,
      refAcc,
      refF1,
    ]);
  }
  return [
    "EPITOME (Reddit) dev split. Licence: assume non-commercial — evaluation only; the rules were not fitted to it.",
    "Reference: a third-party rerun of the authors' RoBERTa code on a random 9:1 split (not the paper's table).",
    "",
    formatTable(
      [
        "mechanism",
        "n",
        "accuracy",
        "macro-F1",
        "F1 0",
        "F1 1",
        "F1 2",
        "acc. all-0",
        "ref acc.",
        "ref macro-F1",
      ],
      rows,
    ),
    "",
    `model size: 0 bytes (rules in code); ${throughput(texts, (t) => empathyLevels(t))} replies/s`,
  ].join("\n");
}

export const empathyTask: EvalTask = { name: "empathy", run };
