/** @module Analyses one batch of rows into formatted text and totals. Pure: runs the same in a worker or in-process. */
import { analyzeCustomer, coachReply } from "@keel/coach";
import { addRow, type BatchStats, emptyStats } from "./batch-stats.js";
import type { FormatName } from "./format-names.js";
import { outputFormat } from "./formats/output-format.js";
import { type OutputRow, toOutputRow } from "./output-row.js";
import type { BadRow, ReadItem, SourceRow } from "./source-row.js";

export interface BatchOptions {
  format: FormatName;
  maskProfanity: boolean;
}

export interface BatchResult {
  /** The formatted rows: concatenated, the text to write. */
  pieces: string[];
  stats: BatchStats;
  /** Bad input rows and rows the coach could not analyse, in input order. */
  failures: BadRow[];
}

export function analyzeRow(row: SourceRow, options: Pick<BatchOptions, "maskProfanity">): OutputRow {
  const customer =
    row.customer === null ? null : analyzeCustomer(row.customer, { maskProfanity: options.maskProfanity });
  // Unmasked, the row's analysis is exactly the one coachReply would make of the same message: hand it over.
  const context = customer !== null && !options.maskProfanity ? { customerAnalysis: customer } : {};
  const reply = row.reply === null ? null : coachReply(row.reply, row.customer, [], context);
  return toOutputRow(row.id, customer, reply);
}

/** Analyses rows and formats them; bad input rows among them are passed through as failures, in order. */
export function analyzeItems(items: readonly ReadItem[], options: BatchOptions): BatchResult {
  const stats = emptyStats();
  const failures: BadRow[] = [];
  const done: OutputRow[] = [];
  for (const item of items) {
    if (!item.ok) {
      failures.push(item.bad);
      continue;
    }
    const row = item.row;
    try {
      const out = analyzeRow(row, options);
      addRow(stats, out);
      done.push(out);
    } catch (error) {
      // One pathological row must not sink a million-row run.
      failures.push({
        where: row.where,
        reason: `analysis failed: ${(error as Error)?.message ?? String(error)}`,
      });
    }
  }
  return { pieces: outputFormat(options.format).rows(done), stats, failures };
}

export function analyzeBatch(rows: readonly SourceRow[], options: BatchOptions): BatchResult {
  return analyzeItems(
    rows.map((row) => ({ ok: true, row })),
    options,
  );
}
