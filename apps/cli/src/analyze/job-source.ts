/** @module Turns an input file into jobs: JSONL as chunks of raw lines, the other formats as batches of parsed rows. */
import type { BatchJob } from "./analyze-job.js";
import type { InputFormat } from "./format-names.js";
import { rowReader } from "./input-format.js";
import { readJsonlChunks } from "./readers/jsonl-chunks.js";
import type { BadRow, ColumnNames, InputError, SourceRow } from "./source-row.js";

/** A job to run, a bad row the reader already found, or the end of readable input. */
export type JobItem = { job: BatchJob } | { bad: BadRow } | InputError;

/** Bounds a JSONL chunk of long lines, so memory stays flat whatever --batch-size says. */
const MAX_CHUNK_BYTES = 4 << 20;

export async function* jobsFrom(
  input: NodeJS.ReadableStream,
  format: InputFormat,
  columns: ColumnNames,
  batchSize: number,
): AsyncGenerator<JobItem> {
  if (format === "jsonl") {
    const limits = { maxLines: batchSize, maxBytes: MAX_CHUNK_BYTES };
    for await (const { bytes, start } of readJsonlChunks(input as AsyncIterable<Buffer>, limits)) {
      yield { job: { kind: "jsonl", bytes, start } };
    }
    return;
  }
  let rows: SourceRow[] = [];
  const read = await rowReader(format);
  for await (const item of read(input, columns)) {
    if ("fatal" in item) {
      // Rows read before the input broke are still analysed.
      if (rows.length > 0) yield { job: { kind: "rows", rows } };
      yield item;
      return;
    }
    if (!item.ok) {
      yield { bad: item.bad };
      continue;
    }
    rows.push(item.row);
    if (rows.length >= batchSize) {
      yield { job: { kind: "rows", rows } };
      rows = [];
    }
  }
  if (rows.length > 0) yield { job: { kind: "rows", rows } };
}
