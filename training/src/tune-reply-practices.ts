/** @module Prints precision/recall/F1 of the practice reply detectors on reply-labels train/dev and own tune fixtures. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { coachReply } from "../../packages/coach/src/coach-reply.js";
import type { ReplyLabel } from "../../packages/coach/src/types.js";

const PRACTICE_LABELS: readonly ReplyLabel[] = [
  "acknowledges",
  "empathy",
  "paraphrase",
  "clarifying_question",
  "next_step",
  "timeline",
  "asks_input",
  "escalation_needed",
];

interface Row {
  id: string;
  customer: string;
  reply: string;
  labels: Partial<Record<ReplyLabel, boolean>>;
  split?: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = process.env.KEEL_DATA_DIR ? resolve(process.env.KEEL_DATA_DIR) : resolve(ROOT, "../shared/data");

function readJsonl(path: string): Row[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** Own fixtures: only `tune` rows; `holdout` rows are never read into tuning. */
function ownTuneRows(): Row[] {
  const dir = join(ROOT, "packages/coach/fixtures");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^replies-.*\.jsonl$/.test(f))
    .flatMap((f) => readJsonl(join(dir, f)))
    .filter((r) => r.split === "tune");
}

function report(name: string, rows: Row[], showErrors: ReplyLabel | undefined): void {
  if (rows.length === 0) {
    console.log(`\n${name}: no rows`);
    return;
  }
  const coached = rows.map((r) => coachReply(r.reply, r.customer));
  console.log(`\n${name} (${rows.length} rows)`);
  console.log("label                 gold  pred    P     R     F1");
  for (const label of PRACTICE_LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let gold = 0;
    rows.forEach((r, i) => {
      const g = r.labels[label];
      const p = coached[i]?.labels[label].value ?? false;
      if (g === undefined) return;
      if (g) gold++;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
      if (showErrors === label && g !== p) {
        console.log(
          `  ${g ? "FN" : "FP"} ${r.id}\n    C: ${r.customer.slice(-240).replace(/\n/g, " | ")}\n    R: ${r.reply.slice(0, 400).replace(/\n/g, " | ")}`,
        );
        const spans = coached[i]?.labels[label].spans.map((s) => s.text) ?? [];
        if (spans.length) console.log(`    spans: ${JSON.stringify(spans)}`);
      }
    });
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const cells = [gold, tp + fp].map((n) => String(n).padStart(5));
    const scores = [precision, recall, f1].map((n) => n.toFixed(2).padStart(5));
    console.log(`${label.padEnd(20)} ${cells.join(" ")}  ${scores.join(" ")}`);
  }
}

// `--errors <label>` lists the train/tune mistakes for one label (never for dev).
const errorsAt = process.argv.indexOf("--errors");
const showErrors = errorsAt >= 0 ? (process.argv[errorsAt + 1] as ReplyLabel | undefined) : undefined;
report("reply-labels train", readJsonl(join(DATA, "reply-labels/train.jsonl")), showErrors);
report("own fixtures (tune rows)", ownTuneRows(), showErrors);
report("reply-labels dev (report only)", readJsonl(join(DATA, "reply-labels/dev.jsonl")), undefined);
