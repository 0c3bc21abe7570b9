/** @module Reads JSON Lines: one object per line; blank lines are ignored, bad lines reported with their number. */
import type { ColumnNames, ReadItem } from "../source-row.js";
import { toSourceRow } from "../source-row.js";
import { forEachLine } from "./line-breaks.js";

/** Where a run of lines starts in the file, so rows keep their file-wide line numbers and positions. */
export interface LineStart {
  /** Lines before this run. */
  lines: number;
  /** Non-blank lines before this run: the position (fallback id) of the row before the first one here. */
  rows: number;
}

/**
 * Parses a run of whole lines into rows. Blank lines are skipped but counted for line numbers; every other
 * line counts towards the 1-based position that stands in for a missing id.
 */
export function jsonlItems(bytes: Buffer, start: LineStart, columns: ColumnNames): ReadItem[] {
  const items: ReadItem[] = [];
  let lineNumber = start.lines;
  let position = start.rows;
  forEachLine(bytes, (from, to) => {
    lineNumber++;
    // Decoded line by line: a line of plain ASCII stays a compact string even when its neighbours are not.
    const raw = bytes.toString("utf8", from, to);
    // Some exporters start the file with a byte-order mark.
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.trim() === "") return;
    position++;
    const where = `line ${lineNumber}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      items.push({ ok: false, bad: { where, reason: `invalid JSON (${(error as Error).message})` } });
      return;
    }
    items.push(toSourceRow(record, columns, position, where));
  });
  return items;
}
