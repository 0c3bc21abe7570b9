/** @module Reads CSV with a header row; rows with the wrong number of fields are reported by line and skipped. */

import type { CsvError } from "csv-parse";
import { parse } from "csv-parse";
import type { ColumnNames, ReaderItem } from "../source-row.js";
import { toSourceRow } from "../source-row.js";

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number };
}

/** csv-parse's messages repeat the line number we already print; say what is wrong in plain words. */
function readableCsvError(message: string): string {
  const length = /columns length is (\d+), got (\d+)/.exec(message);
  if (length) return `has ${length[2]} fields, the header has ${length[1]}`;
  return message.replace(/\s*(at|on) line \d+\.?$/, "");
}

export async function* readCsv(
  input: NodeJS.ReadableStream,
  columns: ColumnNames,
): AsyncIterable<ReaderItem> {
  const skipped: Array<{ line: number; reason: string }> = [];
  let header: string[] | undefined;
  const parser = parse({
    columns: (names: string[]) => {
      header = names;
      return names;
    },
    info: true,
    bom: true,
    skip_empty_lines: true,
    // Exports often hold a stray quote inside an unquoted field (5" screen); keep it as text.
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error)
        skipped.push({ line: (error as CsvError & { lines?: number }).lines ?? 0, reason: error.message });
      return undefined;
    },
  });
  input.pipe(parser);
  input.on("error", (error) => parser.destroy(error));
  let position = 0;
  // Skips are reported through a callback; interleave them by line so row numbers stay in input order.
  function* flushSkipsBefore(line: number): Generator<ReaderItem> {
    while (skipped.length > 0 && (skipped[0]?.line ?? 0) < line) {
      const skip = skipped.shift() as { line: number; reason: string };
      position++;
      yield { ok: false, bad: { where: `line ${skip.line}`, reason: readableCsvError(skip.reason) } };
    }
  }
  let checkedHeader = false;
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
      if (!checkedHeader) {
        checkedHeader = true;
        if (header && !header.includes(columns.customer) && !header.includes(columns.reply)) {
          yield {
            fatal: `the CSV has no "${columns.customer}" or "${columns.reply}" column (columns: ${header.join(", ")}); use --customer-column / --reply-column`,
            exitCode: 2,
          };
          return;
        }
      }
      yield* flushSkipsBefore(parsed.info.lines);
      position++;
      yield toSourceRow(parsed.record, columns, position, `line ${parsed.info.lines}`);
    }
  } catch (error) {
    yield { fatal: `unreadable CSV: ${(error as Error).message}`, exitCode: 1 };
    return;
  }
  yield* flushSkipsBefore(Number.POSITIVE_INFINITY);
}
