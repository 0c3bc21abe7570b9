/** @module One unit of work for a worker: raw JSONL lines, or rows another reader has parsed. Pure, like analyzeBatch. */
import { analyzeBatch, analyzeItems, type BatchOptions, type BatchResult } from "./analyze-batch.js";
import { jsonlItems, type LineStart } from "./readers/read-jsonl.js";
import type { ColumnNames, SourceRow } from "./source-row.js";

/**
 * JSONL arrives as bytes, so the main thread only cuts the file at line breaks: parsing, analysis and
 * formatting all happen where the job runs.
 */
export type BatchJob =
  | { kind: "jsonl"; bytes: Uint8Array; start: LineStart }
  | { kind: "rows"; rows: SourceRow[] };

export interface JobOptions extends BatchOptions {
  columns: ColumnNames;
}

/** A finished job, its output encoded (a worker hands the bytes over without a copy). */
export interface WorkerReply extends Omit<BatchResult, "pieces"> {
  output: Uint8Array;
}

export function runJob(job: BatchJob, options: JobOptions): WorkerReply {
  const { pieces, stats, failures } = analyzeJob(job, options);
  return { output: encodePieces(pieces), stats, failures };
}

function analyzeJob(job: BatchJob, options: JobOptions): BatchResult {
  if (job.kind === "rows") return analyzeBatch(job.rows, options);
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  return analyzeItems(jsonlItems(bytes, job.start, options.columns), options);
}

/** Reused between jobs: every piece is written here, then the used part is copied out at its exact size. */
let scratch = Buffer.allocUnsafeSlow(0);

/** The UTF-8 bytes of `pieces` joined, in a buffer of their own (so it can be moved to another thread). */
export function encodePieces(pieces: readonly string[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  // Never more than 3 bytes per UTF-16 unit; measuring each piece exactly would cost a pass of its own.
  if (scratch.length < length * 3) scratch = Buffer.allocUnsafeSlow(Math.max(length * 3, scratch.length * 2));
  let at = 0;
  for (const piece of pieces) at += scratch.write(piece, at);
  return new Uint8Array(scratch.subarray(0, at));
}
