/** @module Evaluation task `reply-labels`: coach reply labels and customer-side labels against labelled pairs. */
import { join } from "node:path";
import { analyzeCustomer, coachReply, REPLY_LABELS, type ReplyLabel } from "@keel/coach";
import { dataDir, FIXTURES_DIR, type LabelledPair, readPairs, type ThreatLabel } from "./data.js";
import {
  alwaysTrueF1,
  binaryMetrics,
  confusion,
  macroF1,
  majorityClass,
  multiclassMetrics,
} from "./metrics.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

interface Split {
  name: string;
  rows: LabelledPair[];
  /** The file each row came from, parallel to `rows`. */
  sources: string[];
  notes: string[];
}

const OWN_FILES = ["replies-a.jsonl", "replies-b.jsonl"];

export interface ReplyLabelsPaths {
  /** Folder holding `reply-labels/dev.jsonl`. */
  dataDir: string;
  /** Folder holding the own `replies-*.jsonl` fixtures. */
  fixturesDir: string;
}

/** The three splits: shared dev pairs, and the own fixtures divided into tune and holdout rows. */
function loadSplits(paths: ReplyLabelsPaths): { splits: Split[]; notes: string[] } {
  const notes: string[] = [];
  const splits: Split[] = [];
  const devPath = join(paths.dataDir, "reply-labels/dev.jsonl");
  const dev = readPairs(devPath);
  if (dev.ok) {
    splits.push({
      name: "reply-labels dev",
      rows: dev.rows,
      sources: dev.rows.map(() => "dev"),
      notes: dev.skipped,
    });
  } else notes.push(`skipped reply-labels dev: ${dev.path} is ${dev.reason} (set KEEL_DATA_DIR)`);

  const own: { row: LabelledPair; file: string }[] = [];
  const ownNotes: string[] = [];
  for (const file of OWN_FILES) {
    const read = readPairs(join(paths.fixturesDir, file));
    if (!read.ok) {
      notes.push(`own set: ${file} is ${read.reason}`);
      continue;
    }
    own.push(...read.rows.map((row) => ({ row, file })));
    ownNotes.push(...read.skipped.map((s) => `${file} ${s}`));
  }
  if (own.length > 0) {
    const tune = own.filter((o) => o.row.split !== "holdout");
    const holdout = own.filter((o) => o.row.split === "holdout");
    splits.push({
      name: "own tune",
      rows: tune.map((o) => o.row),
      sources: tune.map((o) => o.file),
      notes: ownNotes,
    });
    splits.push({
      name: "own holdout",
      rows: holdout.map((o) => o.row),
      sources: holdout.map((o) => o.file),
      notes: [],
    });
  }
  return { splits, notes };
}

type Predicted = Record<ReplyLabel, boolean>;

/** Macro-F1 over labels with gold support, for the coach and for always answering `true`. */
function macros(
  rows: readonly LabelledPair[],
  predicted: readonly Predicted[],
): [number | null, number | null] {
  const f1s: number[] = [];
  const trivial: number[] = [];
  for (const label of REPLY_LABELS) {
    const gold = rows.map((r) => r.labels[label]);
    const m = binaryMetrics(
      gold,
      predicted.map((p) => p[label]),
    );
    if (m.support > 0) {
      f1s.push(m.f1);
      trivial.push(alwaysTrueF1(gold));
    }
  }
  return [macroF1(f1s), macroF1(trivial)];
}

function replyLabelTable(split: Split): string {
  const { rows, sources } = split;
  const predicted: Predicted[] = rows.map((r) => {
    const { labels } = coachReply(r.reply, r.customer);
    return Object.fromEntries(REPLY_LABELS.map((l) => [l, labels[l].value])) as Predicted;
  });
  const table: Cell[][] = REPLY_LABELS.map((label) => {
    const gold = rows.map((r) => r.labels[label]);
    const m = binaryMetrics(
      gold,
      predicted.map((p) => p[label]),
    );
    return [label, String(m.support), String(m.tp + m.fp), m.precision, m.recall, m.f1, alwaysTrueF1(gold)];
  });
  table.push(["macro (labels with support)", null, null, null, null, ...macros(rows, predicted)]);
  // Per file, so a detector that only learned one author's phrasing shows up.
  const files = [...new Set(sources)];
  if (files.length > 1) {
    for (const file of files) {
      const keep = sources.map((s) => s === file);
      const sub = rows.filter((_, i) => keep[i]);
      const subPredicted = predicted.filter((_, i) => keep[i]);
      table.push([
        `  macro, ${file} only (${sub.length} pairs)`,
        null,
        null,
        null,
        null,
        ...macros(sub, subPredicted),
      ]);
    }
  }
  return formatTable(["label", "support", "predicted", "precision", "recall", "F1", "always-true F1"], table);
}

/** The most confident threat kind found, or "none". */
function predictedThreat(threats: ReturnType<typeof analyzeCustomer>["threats"]): ThreatLabel {
  let best: ThreatLabel = "none";
  let conf = -1;
  for (const t of threats) {
    if (t.confidence > conf) {
      best = t.kind;
      conf = t.confidence;
    }
  }
  return best;
}

function binaryRow(name: string, gold: boolean[], predicted: boolean[]): Cell[] {
  const m = binaryMetrics(gold, predicted);
  return [name, String(m.support), m.precision, m.recall, m.f1, alwaysTrueF1(gold)];
}

function customerTable(rows: LabelledPair[]): string {
  const analysed = rows.map((r) => analyzeCustomer(r.customer));
  const goldAnger = rows.map((r) => r.customer_labels.anger);
  const levels = [0, 1, 2, 3] as const;
  const angerConfusion = confusion(
    levels,
    goldAnger,
    analysed.map((a) => a.anger_level),
  );
  const anger = multiclassMetrics(angerConfusion);
  const majority = majorityClass(goldAnger) ?? 0;
  const baseline = multiclassMetrics(
    confusion(
      levels,
      goldAnger,
      goldAnger.map(() => majority),
    ),
  );
  const goldThreat = rows.map((r) => r.customer_labels.threat);
  const predThreat = analysed.map((a) => predictedThreat(a.threats));
  const kindRows = goldThreat.flatMap((g, i) => (g === "none" ? [] : [g === predThreat[i]]));
  const kindAccuracy = kindRows.length === 0 ? null : kindRows.filter(Boolean).length / kindRows.length;

  const multi = formatTable(
    ["customer label", "value", `majority (${majority})`],
    [
      ["anger accuracy", anger.accuracy, baseline.accuracy],
      ["anger macro-F1", anger.macroF1, baseline.macroF1],
      [`threat kind accuracy (${kindRows.length} threats)`, kindAccuracy, null],
    ],
  );
  const binary = formatTable(
    ["customer label", "support", "precision", "recall", "F1", "always-true F1"],
    [
      binaryRow(
        "abusive",
        rows.map((r) => r.customer_labels.abusive),
        analysed.map((a) => a.abusive),
      ),
      binaryRow(
        "threat (any kind)",
        goldThreat.map((t) => t !== "none"),
        predThreat.map((t) => t !== "none"),
      ),
      binaryRow(
        "repeat_contact",
        rows.map((r) => r.customer_labels.repeat_contact),
        analysed.map((a) => a.repeat_contact),
      ),
    ],
  );
  const matrix = formatTable(
    ["anger gold \\ predicted", ...levels.map(String)],
    levels.map((g, i) => [String(g), ...(angerConfusion.matrix[i] ?? []).map(String)]),
  );
  return `${multi}\n\n${matrix}\n\n${binary}`;
}

export async function runReplyLabels(
  paths: ReplyLabelsPaths = { dataDir: dataDir(), fixturesDir: FIXTURES_DIR },
): Promise<string> {
  const { splits, notes } = loadSplits(paths);
  const out: string[] = [...notes.map((n) => `note: ${n}`)];
  for (const split of splits) {
    out.push("", `## ${split.name} (${split.rows.length} pairs)`);
    out.push(...split.notes.slice(0, 5).map((n) => `skipped ${n}`));
    if (split.notes.length > 5) out.push(`… and ${split.notes.length - 5} more skipped lines`);
    if (split.rows.length === 0) {
      out.push("no rows");
      continue;
    }
    out.push("", replyLabelTable(split), "", customerTable(split.rows));
  }
  if (splits.length === 0) out.push("no data found: nothing evaluated");
  return out.join("\n");
}

export const replyLabelsTask: EvalTask = {
  name: "reply-labels",
  run: () => runReplyLabels(),
};
