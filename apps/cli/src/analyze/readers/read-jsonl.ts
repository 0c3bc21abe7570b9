/** @module Reads JSON Lines: one object per line; blank lines are ignored, bad lines reported with their number. */
import { createInterface } from "node:readline";
import type { ColumnNames, ReaderItem } from "../source-row.js";
import { toSourceRow } from "../source-row.js";

export async function* readJsonl(
  input: NodeJS.ReadableStream,
  columns: ColumnNames,
): AsyncIterable<ReaderItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let position = 0;
  for await (const raw of lines) {
    lineNumber++;
    // Some exporters start the file with a byte-order mark.
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.trim() === "") continue;
    position++;
    const where = `line ${lineNumber}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield { ok: false, bad: { where, reason: `invalid JSON (${(error as Error).message})` } };
      continue;
    }
    yield toSourceRow(record, columns, position, where);
  }
}
