/** @module Writes a large JSONL file of real customer/reply pairs for the batch CLI benchmark. */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { MessagePair } from "./data.js";

const LINES_PER_CHUNK = 2_000;

/** Writes `rows` lines `{"id","customer","reply"}`, cycling through `pairs`; returns the bytes written. */
export async function writePairsJsonl(
  path: string,
  pairs: readonly MessagePair[],
  rows: number,
): Promise<number> {
  if (pairs.length === 0) throw new Error("no customer/reply pairs to write");
  const encoded = pairs.map((p) => [JSON.stringify(p.customer), JSON.stringify(p.reply)] as const);
  const out = createWriteStream(path);
  let bytes = 0;
  for (let start = 0; start < rows; start += LINES_PER_CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + LINES_PER_CHUNK); i++) {
      const [customer, reply] = encoded[i % encoded.length] ?? ['""', '""'];
      lines.push(`{"id":${i},"customer":${customer},"reply":${reply}}\n`);
    }
    const chunk = lines.join("");
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return bytes;
}
