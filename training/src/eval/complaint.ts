/** @module Evaluation task `complaint`: complaint vs not on the complaints corpus dev split (evaluation only). */
import { customerModelFields } from "../../../packages/coach/src/models/model-fields.js";
import { type ComplaintRow, readComplaints } from "../data/datasets.js";
import { binaryMetrics } from "./metrics.js";
import { throughput, weightsBytes } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

function scores(rows: readonly ComplaintRow[]): Cell[] {
  const gold = rows.map((r) => r.label === 1);
  const predicted = rows.map((r) => customerModelFields(r.text).complaint);
  const pos = binaryMetrics(gold, predicted);
  const neg = binaryMetrics(
    gold.map((g) => !g),
    predicted.map((p) => !p),
  );
  const accuracy = (pos.tp + pos.tn) / Math.max(1, rows.length);
  return [String(rows.length), pos.precision, pos.recall, pos.f1, (pos.f1 + neg.f1) / 2, accuracy];
}

async function run(): Promise<string> {
  const dev = readComplaints("dev");
  if (!dev.ok) return `skipped: ${dev.reason}`;
  const service = dev.rows.filter((r) => !r.domain.startsWith("random_"));
  const rows: Cell[][] = [
    ["Keel, all dev tweets", ...scores(dev.rows)],
    ["Keel, customer-service domains only", ...scores(service)],
    ["Preotiuc-Pietro et al. 2019 (distant supervision, CV)", null, null, null, 0.79, null, null],
    ["Jin & Aletras 2020 (transformers, CV)", null, null, null, null, 0.87, null],
    ["Jin & Aletras 2021 (multi-task, CV)", null, null, null, null, 0.882, null],
  ];
  const texts = dev.rows.map((r) => r.text);
  return [
    `Complaints in social media, dev split (${dev.rows.length} tweets). Licence: none stated — evaluation only;`,
    "no model or threshold was fitted to it. The blend is fitted on weak labels from reply-labels (Keel labels).",
    "Published figures are cross-validated over the whole corpus; the 2019 '79 F1' is read here as complaint-class F1.",
    "",
    formatTable(["system", "n", "P", "R", "F1 (complaint)", "macro-F1", "accuracy"], rows),
    "",
    `model size: ${weightsBytes("complaint")} bytes (+ goemotions, offensive); ${throughput(texts, customerModelFields)} msgs/s`,
  ].join("\n");
}

export const complaintTask: EvalTask = { name: "complaint", run };
