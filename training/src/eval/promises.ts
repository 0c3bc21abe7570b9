/** @module Evaluation task `promises`: promise detection (span overlap) and due-time accuracy on the labelled promise set. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractPromises } from "../../../packages/coach/src/promises/extract-promises.js";
import type { ExtractedPromise } from "../../../packages/coach/src/types.js";
import { FIXTURES_DIR } from "./data.js";
import { f1Score } from "./metrics.js";
import { throughput } from "./model-cost.js";
import { type Cell, formatTable } from "./table.js";
import type { EvalTask } from "./types.js";

export interface GoldPromise {
  quote: string;
  kind: string;
  owner: string;
  dueText: string | null;
  due: string | null;
}

export interface PromiseRow {
  id: string;
  split: "tune" | "holdout";
  text: string;
  referenceDate: string;
  timeZone: string;
  promises: GoldPromise[];
}

export interface PromiseScores {
  rows: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched promises whose gold has a due time, and how many of those got it exactly. */
  dueGold: number;
  dueCorrect: number;
  kindCorrect: number;
  ownerCorrect: number;
  /** Rows without any gold promise where something was still extracted. */
  negativeRows: number;
  negativeRowsWithFalsePromise: number;
}

function isGold(p: unknown): p is GoldPromise {
  const g = p as GoldPromise;
  return typeof g?.quote === "string" && typeof g.kind === "string" && typeof g.owner === "string";
}

/** Parses the JSONL set; a malformed row is counted, not thrown. */
export function parsePromiseRows(text: string): { rows: PromiseRow[]; skipped: number } {
  const rows: PromiseRow[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as PromiseRow;
      const ok =
        typeof r.id === "string" &&
        (r.split === "tune" || r.split === "holdout") &&
        typeof r.text === "string" &&
        typeof r.referenceDate === "string" &&
        typeof r.timeZone === "string" &&
        Array.isArray(r.promises) &&
        r.promises.every((p) => isGold(p) && r.text.includes(p.quote));
      if (ok) rows.push(r);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { rows, skipped };
}

/** Scores extracted promises against gold: a prediction matches a gold promise when their spans overlap (one-to-one). */
export function scorePromises(
  rows: readonly PromiseRow[],
  extract: (row: PromiseRow) => ExtractedPromise[],
): PromiseScores {
  const s = {
    gold: 0,
    predicted: 0,
    matched: 0,
    dueGold: 0,
    dueCorrect: 0,
    kindCorrect: 0,
    ownerCorrect: 0,
    negativeRows: 0,
    negativeRowsWithFalsePromise: 0,
  };
  for (const row of rows) {
    const predicted = extract(row);
    const used = new Set<number>();
    s.gold += row.promises.length;
    s.predicted += predicted.length;
    if (row.promises.length === 0) {
      s.negativeRows++;
      if (predicted.length > 0) s.negativeRowsWithFalsePromise++;
    }
    for (const g of row.promises) {
      const start = row.text.indexOf(g.quote);
      const end = start + g.quote.length;
      const i = predicted.findIndex((p, k) => !used.has(k) && p.span.start < end && start < p.span.end);
      const p = predicted[i];
      if (!p) continue;
      used.add(i);
      s.matched++;
      if (p.kind === g.kind) s.kindCorrect++;
      if (p.owner === g.owner) s.ownerCorrect++;
      if (g.due !== null) {
        s.dueGold++;
        if (p.due !== null && Date.parse(p.due) === Date.parse(g.due)) s.dueCorrect++;
      }
    }
  }
  const precision = s.predicted === 0 ? 0 : s.matched / s.predicted;
  const recall = s.gold === 0 ? 0 : s.matched / s.gold;
  return { rows: rows.length, ...s, precision, recall, f1: f1Score(precision, recall) };
}

function extractRow(row: PromiseRow): ExtractedPromise[] {
  return extractPromises(row.text, { referenceDate: row.referenceDate, timeZone: row.timeZone });
}

function share(num: number, den: number): Cell {
  return den === 0 ? null : `${(num / den).toFixed(3)} (${num}/${den})`;
}

async function run(): Promise<string> {
  let text: string;
  try {
    text = readFileSync(join(FIXTURES_DIR, "promises.jsonl"), "utf8");
  } catch {
    return "skipped: packages/coach/fixtures/promises.jsonl missing";
  }
  const { rows, skipped } = parsePromiseRows(text);
  const table = (["tune", "holdout"] as const).map((split) => {
    const s = scorePromises(
      rows.filter((r) => r.split === split),
      extractRow,
    );
    return [
      split,
      String(s.rows),
      String(s.gold),
      String(s.predicted),
      s.precision,
      s.recall,
      s.f1,
      share(s.dueCorrect, s.dueGold),
      share(s.kindCorrect, s.matched),
      share(s.ownerCorrect, s.matched),
      share(s.negativeRowsWithFalsePromise, s.negativeRows),
    ];
  });
  return [
    "Own labelled promise set (packages/coach/fixtures/promises.jsonl); holdout rows were written before any tuning.",
    "Detection: a prediction matches a gold promise when their spans overlap (one-to-one).",
    "Due: exact instant among matched promises with a gold due; kind/owner among matched; last column: negative rows with a false promise.",
    ...(skipped > 0 ? [`skipped ${skipped} malformed rows`] : []),
    formatTable(
      [
        "split",
        "rows",
        "gold",
        "predicted",
        "precision",
        "recall",
        "F1",
        "due exact",
        "kind",
        "owner",
        "false on negatives",
      ],
      table,
    ),
    "",
    `model size: 0 bytes (rules in code); ${throughput(
      rows.map((r) => r.text),
      (t) => extractPromises(t, { referenceDate: "2026-03-12T10:00:00Z", timeZone: "Europe/London" }),
    )} replies/s`,
  ].join("\n");
}

export const promisesTask: EvalTask = { name: "promises", run };
