/** @module Decides how to read an input file: by its extension, else by its first bytes. */
import { open } from "node:fs/promises";
import { extname } from "node:path";
import type { InputFormat } from "./format-names.js";
import type { RowReader } from "./source-row.js";

const BY_EXTENSION: Record<string, InputFormat> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".mbox": "mbox",
};

/**
 * The reader that parses rows of `format` on the main thread (JSONL is cut into raw chunks instead, see
 * job-source.ts). Loaded on demand: the mail parser alone would add a good part of a second to every start.
 */
export async function rowReader(format: Exclude<InputFormat, "jsonl">): Promise<RowReader> {
  switch (format) {
    case "csv":
      return (await import("./readers/read-csv.js")).readCsv;
    case "json":
      return (await import("./readers/read-json-array.js")).readJsonArray;
    case "mbox": {
      const { readMbox } = await import("./readers/read-mbox.js");
      return (input) => readMbox(input);
    }
  }
}

/** Sniffs the first bytes of a file whose extension says nothing. */
export function sniffFormat(head: string): InputFormat | null {
  const text = head.replace(/^\uFEFF/, "");
  if (text.startsWith("From ")) return "mbox";
  const first = text.trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") return "jsonl";
  return null;
}

/** The format of `path`, or null when neither its extension nor its content tells. Empty files read as JSONL. */
export async function detectFormat(path: string): Promise<InputFormat | null> {
  const byExtension = BY_EXTENSION[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0) return "jsonl";
    return sniffFormat(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await file.close();
  }
}
