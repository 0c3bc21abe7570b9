/** @module Evaluation task `reply-models`: shipped reply-label models against the rule detectors on reply-labels dev. */
import { coachReply } from "../../../packages/coach/src/coach-reply.js";
import { learnedReplySignals } from "../../../packages/coach/src/models/learned.js";
import type { ReplyLabel } from "../../../packages/coach/src/types.js";
import { readReplyPairs } from "../data/datasets.js";
import { dataPath } from "../data/read.js";
import { binaryMetrics } from "./metrics.js";
import { throughput, weightsBytes } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

async function run(): Promise<string> {
  const dev = readReplyPairs(dataPath("reply-labels", "dev.jsonl"));
  if (!dev.ok) return `skipped: ${dev.reason}`;
  const learned = dev.rows.map((p) => learnedReplySignals(p.reply, p.customer));
  const first = learned[0];
  if (!first) return "skipped: no reply-label weights (run npm run train)";
  const rules = dev.rows.map((p) => coachReply(p.reply, p.customer).labels);
  const rows: Cell[][] = Object.keys(first.labels).map((label) => {
    const gold = dev.rows.map((p) => p.labels[label] === true);
    const rule = binaryMetrics(
      gold,
      rules.map((l) => l[label as ReplyLabel]?.value === true),
    );
    const threshold = first.thresholds[label] ?? 0.5;
    const model = binaryMetrics(
      gold,
      learned.map((s) => (s?.labels[label] ?? 0) >= threshold),
    );
    return [label, String(rule.support), rule.f1, model.precision, model.recall, model.f1];
  });
  const texts = dev.rows.map((p) => p.reply);
  return [
    `reply-labels dev (${dev.rows.length} pairs; Keel labels). Learned models ship only where they beat the rules here.`,
    "",
    formatTable(["label", "support", "rules F1", "model P", "model R", "model F1"], rows),
    "",
    `model size: ${weightsBytes("reply-labels")} bytes; ${throughput(texts, (t) => learnedReplySignals(t, "my order is late"))} replies/s`,
  ].join("\n");
}

export const replyModelsTask: EvalTask = { name: "reply-models", run };
