/** @module Turns the raw `keel analyze` flags into checked options, or a usage error message. */
import { availableParallelism } from "node:os";
import {
  FORMAT_NAMES,
  type FormatName,
  INPUT_FORMATS,
  type InputFormat,
  isFormatName,
  isInputFormat,
} from "./format-names.js";
import { type ColumnNames, DEFAULT_COLUMNS } from "./source-row.js";

export interface AnalyzeOptions {
  file: string;
  format: FormatName;
  /** Overrides detection by extension / content. */
  inputFormat: InputFormat | null;
  /** Output file; null = stdout. */
  out: string | null;
  columns: ColumnNames;
  /** Worker threads; 0 analyses in the main thread. */
  workers: number;
  maskProfanity: boolean;
  batchSize: number;
}

/** The flags as commander hands them over. */
export interface RawAnalyzeFlags {
  format?: string;
  inputFormat?: string;
  out?: string;
  customerColumn?: string;
  replyColumn?: string;
  idColumn?: string;
  workers?: string;
  maskProfanity?: boolean;
  batchSize?: string;
}

export const DEFAULT_BATCH_SIZE = 500;

/** One worker per core: the main thread only cuts the input into chunks and writes the output. */
export function defaultWorkers(): number {
  return availableParallelism();
}

export type ParsedOptions = { ok: true; options: AnalyzeOptions } | { ok: false; message: string };

function wholeNumber(raw: string | undefined, fallback: number, min: number): number | null {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= min ? n : null;
}

export function parseAnalyzeOptions(file: string, flags: RawAnalyzeFlags): ParsedOptions {
  const format = flags.format ?? "jsonl";
  if (!isFormatName(format)) {
    return {
      ok: false,
      message: `unknown --format "${format}" (expected one of: ${FORMAT_NAMES.join(", ")})`,
    };
  }
  const inputFormat = flags.inputFormat ?? null;
  if (inputFormat !== null && !isInputFormat(inputFormat)) {
    return {
      ok: false,
      message: `unknown --input-format "${inputFormat}" (expected one of: ${INPUT_FORMATS.join(", ")})`,
    };
  }
  const workers = wholeNumber(flags.workers, defaultWorkers(), 0);
  if (workers === null)
    return { ok: false, message: `--workers must be a whole number ≥ 0, got "${flags.workers}"` };
  const batchSize = wholeNumber(flags.batchSize, DEFAULT_BATCH_SIZE, 1);
  if (batchSize === null)
    return { ok: false, message: `--batch-size must be a whole number ≥ 1, got "${flags.batchSize}"` };
  const columns: ColumnNames = {
    id: flags.idColumn ?? DEFAULT_COLUMNS.id,
    customer: flags.customerColumn ?? DEFAULT_COLUMNS.customer,
    reply: flags.replyColumn ?? DEFAULT_COLUMNS.reply,
  };
  return {
    ok: true,
    options: {
      file,
      format,
      inputFormat,
      out: flags.out ?? null,
      columns,
      workers,
      maskProfanity: flags.maskProfanity === true,
      batchSize,
    },
  };
}
