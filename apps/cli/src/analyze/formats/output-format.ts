/** @module The output formats of `keel analyze`: each turns a batch of rows into text, plus a header and a footer. */
import type { BatchStats } from "../batch-stats.js";
import type { FormatName } from "../format-names.js";
import type { OutputRow } from "../output-row.js";
import { csvFormat } from "./csv-format.js";
import { tableFormat } from "./table-format.js";

export interface OutputFormat {
  /** Written once before the first row (may be empty). */
  header(): string;
  /**
   * The text for a batch of rows, in order, as pieces to concatenate (one per row where the format allows:
   * a row of plain ASCII then stays a compact string that encodes fast). Runs in the workers, so it must be pure.
   */
  rows(rows: readonly OutputRow[]): string[];
  /** Written once after the last row (may be empty). */
  footer(stats: BatchStats, failed: number): string;
}

const jsonlFormat: OutputFormat = {
  header: () => "",
  rows: (rows) => rows.map((row) => `${JSON.stringify(row)}\n`),
  footer: () => "",
};

export function outputFormat(name: FormatName): OutputFormat {
  switch (name) {
    case "jsonl":
      return jsonlFormat;
    case "csv":
      return csvFormat();
    case "table":
      return tableFormat();
  }
}
