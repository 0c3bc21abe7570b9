/** @module Analyses one batch of rows into formatted text and totals. Pure: runs the same in a worker or in-process. */
import { analyzeCustomer, coachReply } from "@keel/coach";
import { addRow, type BatchStats, emptyStats } from "./batch-stats.js";
import type { FormatName } from "./format-names.js";
import { outputFormat } from "./formats/output-format.js";
import { type OutputRow, toOutputRow } from "./output-row.js";
import type { BadRow, SourceRow } from "./source-row.js";

export interface BatchOptions {
  format: FormatName;
  maskProfanity: boolean;
}

export interface BatchResult {
  text: string;
  stats: BatchStats;
  /** Rows the coach could not analyse; reported like bad input rows. */
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

export function analyzeBatch(rows: readonly SourceRow[], options: BatchOptions): BatchResult {
  const stats = emptyStats();
  const failures: BadRow[] = [];
  const done: OutputRow[] = [];
  for (const row of rows) {
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
  return { text: outputFormat(options.format).rows(done), stats, failures };
}
