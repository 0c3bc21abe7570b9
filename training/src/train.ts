/** @module `npm run train`: fits every shipped model from the permitted data sets and writes `packages/coach/weights/*.json`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ComplaintBlendFile } from "../../packages/coach/src/models/complaint.js";
import type { LinearModelFile } from "../../packages/coach/src/models/linear-model.js";
import { registerWeights } from "../../packages/coach/src/models/weights-registry.js";
import { REPLY_LABELS } from "../../packages/coach/src/types.js";
import {
  readCustomerTurns,
  readDavidson,
  readGoEmotions,
  readLabelledCustomers,
  readReplyPairs,
} from "./data/datasets.js";
import { dataPath, REPO_ROOT } from "./data/read.js";
import { trainComplaint } from "./tasks/complaint.js";
import { trainGoEmotions } from "./tasks/goemotions.js";
import { neitherSupplement, trainOffensive } from "./tasks/offensive.js";
import { replyLabelsWeights } from "./tasks/reply-labels-model.js";

export const WEIGHTS_DIR = join(REPO_ROOT, "packages/coach/weights");

function write(file: LinearModelFile | ComplaintBlendFile, outDir: string): void {
  const path = join(outDir, `${file.name}.json`);
  writeFileSync(path, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${path} (${JSON.stringify(file).length} bytes)`);
}

function main(): number {
  const outDir = process.env.KEEL_WEIGHTS_DIR ?? WEIGHTS_DIR;
  mkdirSync(outDir, { recursive: true });
  const only = process.argv[2];
  let failures = 0;
  if (!only || only === "goemotions") {
    const train = readGoEmotions("train");
    if (train.ok) {
      const file = trainGoEmotions(train.rows, train.names);
      registerWeights("goemotions", file);
      write(file, outDir);
    } else failures += report(train.reason);
  }
  if (!only || only === "offensive") {
    const train = readDavidson("train");
    if (train.ok) {
      const file = trainOffensive(train.rows, undefined, undefined, neitherSupplement(readCustomerTurns()));
      registerWeights("offensive", file);
      write(file, outDir);
    } else failures += report(train.reason);
  }
  // The blend reads the other models' outputs, so it is fitted after them (on the ones just registered).
  if (!only || only === "complaint") {
    const customers = readLabelledCustomers("train");
    // Support messages only: adding general comments as non-complaints (every 100th GoEmotions row) raised
    // macro-F1 on mixed traffic but halved complaint recall on support traffic (docs/decisions/0002).
    if (customers.ok) write(trainComplaint(customers.rows), outDir);
    else failures += report(customers.reason);
  }
  if (!only || only === "reply-labels") {
    const train = readReplyPairs(dataPath("reply-labels", "train.jsonl"));
    // The coach's own labelled fixtures: only rows marked `tune` may shape a model.
    const own = ["replies-a.jsonl", "replies-b.jsonl"].flatMap((f) => {
      const r = readReplyPairs(join(REPO_ROOT, "packages/coach/fixtures", f));
      return r.ok ? r.rows.filter((p) => p.split === "tune") : [];
    });
    if (train.ok) write(replyLabelsWeights([...train.rows, ...own], REPLY_LABELS), outDir);
    else failures += report(train.reason);
  }
  return failures;
}

function report(reason: string): number {
  console.error(`skipped: ${reason}`);
  return 1;
}

process.exitCode = main();
