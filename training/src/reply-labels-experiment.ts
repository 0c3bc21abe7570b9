/** @module Dev-set comparison: learned reply-label models against the rule detectors, per label (reply-labels dev). */
import { join } from "node:path";
import { coachReply } from "../../packages/coach/src/coach-reply.js";
import { REPLY_LABELS } from "../../packages/coach/src/types.js";
import { readReplyPairs } from "./data/datasets.js";
import { dataPath, REPO_ROOT } from "./data/read.js";
import { binaryMetrics } from "./eval/metrics.js";
import { pairFeatures, predictPair, REPLY_FEATURES, trainReplyLabels } from "./tasks/reply-labels-model.js";

const train = readReplyPairs(dataPath("reply-labels", "train.jsonl"));
const dev = readReplyPairs(dataPath("reply-labels", "dev.jsonl"));
const own = ["replies-a.jsonl", "replies-b.jsonl"].flatMap((f) => {
  const r = readReplyPairs(join(REPO_ROOT, "packages/coach/fixtures", f));
  return r.ok ? r.rows.filter((p) => p.split === "tune") : [];
});
if (train.ok && dev.ok) {
  const rows = [...train.rows, ...(process.env.NO_OWN ? [] : own)];
  const { fit, thresholds } = trainReplyLabels(rows, REPLY_LABELS);
  const rule = dev.rows.map((p) => coachReply(p.reply, p.customer).labels);
  const learned = dev.rows.map((p) => predictPair(fit, pairFeatures(p.reply, p.customer, REPLY_FEATURES)));
  console.log(`train rows ${rows.length} (own tune ${own.length})`);
  REPLY_LABELS.forEach((label, j) => {
    const gold = dev.rows.map((p) => p.labels[label] === true);
    const r = binaryMetrics(
      gold,
      rule.map((l) => l[label].value),
    );
    const m = binaryMetrics(
      gold,
      learned.map((p) => (p[j] ?? 0) >= (thresholds[j] ?? 0.5)),
    );
    console.log(
      `${label.padEnd(20)} support ${String(r.support).padStart(3)}  rules F1 ${r.f1.toFixed(3)}  learned F1 ${m.f1.toFixed(3)}  thr ${thresholds[j]}`,
    );
  });
}
