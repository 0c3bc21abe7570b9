/** @module Tunes and reports the reply problem detectors: P/R/F1 on train, fixture tune rows and dev; calibration; timing. */

/*
 * Measures the reply "problem" detectors (apologies, blame, negative language, overpromise, robotic,
 * boundaries): precision/recall/F1 per label on the reply-labels train split and the `tune` rows of the coach
 * fixtures, then on dev (reported only, never tuned on), plus a timing check on 1,000-character drafts. Run: npx
 * tsx training/src/tune-reply-problems.ts [--show <label>] [--data <dir>]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { detectApologySincere } from "../../packages/coach/src/detectors/reply/apology-sincere.js";
import { detectBlame } from "../../packages/coach/src/detectors/reply/blame.js";
import type { ReplyDetector, ReplyInput } from "../../packages/coach/src/detectors/reply/detector.js";
import { detectNegativeLanguage } from "../../packages/coach/src/detectors/reply/negative-language.js";
import { detectNonApology } from "../../packages/coach/src/detectors/reply/non-apology.js";
import { detectOverpromise } from "../../packages/coach/src/detectors/reply/overpromise.js";
import { detectRobotic, ROBOTIC_TUNING } from "../../packages/coach/src/detectors/reply/robotic.js";
import { detectSetsBoundary } from "../../packages/coach/src/detectors/reply/sets-boundary.js";
import { customerIsAbusive } from "../../packages/coach/src/detectors/reply/shared-problems/abuse.js";
import { parseTimelines } from "../../packages/coach/src/text/timeline.js";
import { tokenize } from "../../packages/coach/src/text/tokenize.js";
import type { ReplyLabel } from "../../packages/coach/src/types.js";

const DETECTORS: [ReplyLabel, ReplyDetector][] = [
  ["apology_sincere", detectApologySincere],
  ["non_apology", detectNonApology],
  ["blame", detectBlame],
  ["negative_language", detectNegativeLanguage],
  ["overpromise", detectOverpromise],
  ["robotic", detectRobotic],
  ["sets_boundary", detectSetsBoundary],
];

interface Row {
  id: string;
  customer: string;
  reply: string;
  labels: Partial<Record<ReplyLabel, boolean>>;
  customer_labels?: { abusive?: boolean };
}

function readJsonl(path: string): Row[] {
  if (!existsSync(path)) return [];
  const rows: Row[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as Partial<Row> & { split?: string; customer_message?: string };
      const customer = r.customer ?? r.customer_message ?? "";
      if (typeof r.reply !== "string" || !r.labels) continue;
      rows.push({
        id: String(r.id ?? rows.length),
        customer,
        reply: r.reply,
        labels: r.labels,
        ...(r.customer_labels ? { customer_labels: r.customer_labels } : {}),
        ...{ split: r.split },
      });
    } catch {
      // A broken line is skipped, not fatal: fixtures are written by hand.
    }
  }
  return rows;
}

function fixtureRows(split: "tune"): Row[] {
  const dir = join(import.meta.dirname, "../../packages/coach/fixtures");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^replies-.*\.jsonl$/.test(f))
    .flatMap((f) => readJsonl(join(dir, f)).filter((r) => (r as Row & { split?: string }).split === split));
}

function inputOf(row: Row): ReplyInput {
  const reply = tokenize(row.reply);
  return {
    reply,
    customer: row.customer.trim() ? tokenize(row.customer) : null,
    customerAnalysis: null,
    thread: [],
    timelines: parseTimelines(reply),
    context: {},
  };
}

function report(name: string, rows: readonly Row[], show: string | undefined): void {
  console.log(`\n== ${name} (${rows.length} rows)`);
  console.log("label              tp  fp  fn   P     R     F1    (gold+)");
  const inputs = rows.map(inputOf);
  for (const [label, detect] of DETECTORS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let gold = 0;
    rows.forEach((row, i) => {
      const input = inputs[i];
      const truth = row.labels[label];
      if (!input || truth === undefined) return;
      const r = detect(input);
      if (truth) gold++;
      if (r.value && truth) tp++;
      else if (r.value && !truth) fp++;
      else if (!r.value && truth) fn++;
      if (show === label && r.value !== truth) {
        const tag = r.value ? "FP" : "FN";
        const spans = r.spans.map((s) => s.text).join(" | ");
        console.log(`  ${tag} ${row.id}: ${row.reply.replace(/\s+/g, " ").slice(0, 220)}  [${spans}]`);
      }
    });
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const rc = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = p + rc === 0 ? 0 : (2 * p * rc) / (p + rc);
    const f = (x: number) => x.toFixed(3);
    console.log(
      `${label.padEnd(18)} ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}  ${f(p)} ${f(rc)} ${f(f1)}  (${gold})`,
    );
  }
}

/** The boundary detector's own insult check against the annotated `abusive` customer label. */
function abuseCheck(name: string, rows: readonly Row[]): void {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const row of rows) {
    const truth = row.customer_labels?.abusive;
    if (truth === undefined) continue;
    const v = customerIsAbusive(row.customer.trim() ? tokenize(row.customer) : null);
    if (v && truth) tp++;
    else if (v) fp++;
    else if (truth) fn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(
    `\n== customer abuse check on ${name}: tp ${tp} fp ${fp} fn ${fn}  P ${p.toFixed(3)} R ${r.toFixed(3)}`,
  );
}

/** Reliability: how often the label is really true within each band of predicted probability, plus Brier score. */
function calibration(name: string, rows: readonly Row[]): void {
  console.log(`\n== calibration on ${name}: observed true rate per predicted-probability band (n), Brier`);
  const inputs = rows.map(inputOf);
  for (const [label, detect] of DETECTORS) {
    const bands = [0, 0, 0, 0, 0].map(() => ({ n: 0, yes: 0 }));
    let brier = 0;
    let n = 0;
    rows.forEach((row, i) => {
      const input = inputs[i];
      const truth = row.labels[label];
      if (!input || truth === undefined) return;
      const r = detect(input);
      const p = r.value ? r.confidence : 1 - r.confidence;
      const band = bands[Math.min(4, Math.floor(p * 5))];
      if (band) {
        band.n++;
        if (truth) band.yes++;
      }
      brier += (p - (truth ? 1 : 0)) ** 2;
      n++;
    });
    const cells = bands.map(
      (b, k) => `${(k / 5).toFixed(1)}+: ${b.n ? (b.yes / b.n).toFixed(2) : " -  "} (${b.n})`,
    );
    console.log(`${label.padEnd(18)} ${cells.join("  ")}  Brier ${(brier / (n || 1)).toFixed(3)}`);
  }
}

/** All seven detectors on one 1,000-character draft, against the cost of tokenizing it (machine load varies). */
function timing(): void {
  const draft =
    "I'm sorry for any inconvenience this may have caused, but as I already said, the courier lost your parcel. " +
    "Unfortunately we can't refund it, and you'll have to contact them. I promise this will never happen again. " +
    "Your call is important to us and we value your business. Please be advised that our policy doesn't allow it. ";
  const text = draft.repeat(4).slice(0, 1000);
  const customerText = "My order arrived damaged and you idiots keep ignoring me.";
  const runs = 400;
  const perLabel = new Map<string, number>();
  let tokenizing = 0;
  for (let i = 0; i < runs * 2; i++) {
    const t0 = performance.now();
    const reply = tokenize(text);
    const customer = tokenize(customerText);
    const t1 = performance.now();
    const input: ReplyInput = {
      reply,
      customer,
      customerAnalysis: null,
      thread: [],
      timelines: [],
      context: {},
    };
    const measured = i >= runs; // the first half warms up the JIT
    if (measured) tokenizing += t1 - t0;
    for (const [label, detect] of DETECTORS) {
      const s = performance.now();
      detect(input);
      if (measured) perLabel.set(label, (perLabel.get(label) ?? 0) + performance.now() - s);
    }
  }
  const us = (ms: number) => `${((ms / runs) * 1000).toFixed(1)} µs`;
  console.log(
    `\n== timing on a 1,000-char draft (first detector also builds the shared word stream and cues)`,
  );
  console.log(`tokenize (reply + customer) ${us(tokenizing)}`);
  let total = 0;
  for (const [label, ms] of perLabel) {
    total += ms;
    console.log(`${label.padEnd(18)} ${us(ms)}`);
  }
  console.log(`all seven ${us(total)} = ${(total / tokenizing).toFixed(2)}x tokenizing`);
}

/** Grid search over the robotic detector's constants on train + fixture tune rows (never dev or holdout). */
function gridRobotic(rows: readonly Row[]): void {
  const inputs = rows.map(inputOf);
  const grid = {
    lowOverlapBoost: [1, 1.2, 1.4],
    highOverlapDamp: [0.5, 0.7, 1],
    lowOverlap: [0.08, 0.15],
    bareTemplateP: [0.3, 0.5],
    linkTemplateP: [0.3, 0.45, 0.55],
    threshold: [0.45, 0.5, 0.55],
  };
  let best = { f1: -1, setting: "" };
  const keys = Object.keys(grid) as (keyof typeof grid)[];
  const walk = (i: number) => {
    const key = keys[i];
    if (!key) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      rows.forEach((row, j) => {
        const input = inputs[j];
        const truth = row.labels.robotic;
        if (!input || truth === undefined) return;
        const v = detectRobotic(input).value;
        if (v && truth) tp++;
        else if (v) fp++;
        else if (truth) fn++;
      });
      const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
      if (f1 > best.f1) best = { f1, setting: JSON.stringify(ROBOTIC_TUNING) };
      return;
    }
    for (const v of grid[key]) {
      ROBOTIC_TUNING[key] = v;
      walk(i + 1);
    }
  };
  walk(0);
  console.log(`best robotic F1 ${best.f1.toFixed(3)} with ${best.setting}`);
}

const args = process.argv.slice(2);
const show =
  args[args.indexOf("--show") + 1] && args.includes("--show") ? args[args.indexOf("--show") + 1] : undefined;
const dataDir = args.includes("--data")
  ? (args[args.indexOf("--data") + 1] ?? "")
  : "/work/shared/data/reply-labels";
const train = readJsonl(join(dataDir, "train.jsonl"));
const tune = fixtureRows("tune");
if (args.includes("--grid-robotic")) gridRobotic([...train, ...tune]);
report("train", train, show);
if (tune.length > 0) report("fixtures (tune)", tune, show);
report("dev (report only)", readJsonl(join(dataDir, "dev.jsonl")), undefined);
calibration("train + fixture tune rows", [...train, ...tune]);
abuseCheck("train", train);
timing();
