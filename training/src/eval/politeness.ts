/** @module Evaluation task `politeness`: Stanford politeness requests, dev split (evaluation only). */
import { politenessScore } from "../../../packages/coach/src/models/politeness.js";
import { readPoliteness } from "../data/datasets.js";
import { pearson, spearman, throughput } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

async function run(): Promise<string> {
  const rows: Cell[][] = [];
  let texts: string[] = [];
  for (const domain of ["wikipedia", "stack-exchange"] as const) {
    const train = readPoliteness(domain, "train");
    const dev = readPoliteness(domain, "dev");
    if (!train.ok || !dev.ok) return "skipped: Stanford politeness data missing";
    // Quartile cut-offs from the train split, so no dev or test information defines the classes.
    const sorted = train.rows.map((r) => r.score).sort((a, b) => a - b);
    const q25 = quantile(sorted, 0.25);
    const q75 = quantile(sorted, 0.75);
    const scores = dev.rows.map((r) => politenessScore(r.text));
    const gold = dev.rows.map((r) => r.score);
    let correct = 0;
    let n = 0;
    dev.rows.forEach((r, i) => {
      if (r.score > q25 && r.score < q75) return;
      n++;
      if ((scores[i] ?? 0.5) >= 0.5 === r.score >= q75) correct++;
    });
    texts = dev.rows.map((r) => r.text);
    rows.push([
      domain,
      String(dev.rows.length),
      String(n),
      correct / Math.max(1, n),
      spearman(scores, gold),
      pearson(scores, gold),
    ]);
  }
  return [
    "Stanford politeness corpus, dev split. Licence: not confirmed — evaluation only; weights are set by hand.",
    "Binary task: top vs bottom quartile (cut-offs from train), polite when score >= 0.5; chance is 0.5.",
    "The paper's accuracy table (leave-one-out CV) could not be verified, so no published number is printed.",
    "",
    formatTable(["domain", "n", "n quartiles", "accuracy", "Spearman", "Pearson"], rows),
    "",
    `model size: 0 bytes (rules in code); ${throughput(texts, politenessScore)} requests/s`,
  ].join("\n");
}

export const politenessTask: EvalTask = { name: "politeness", run };
