/** @module Cuts a JSONL byte stream into chunks of whole lines for the workers, counting lines as they pass. */
import { hasText, LineBreaks } from "./line-breaks.js";
import type { LineStart } from "./read-jsonl.js";

export interface JsonlChunk {
  /** Whole lines, copied into a buffer of their own so it can be moved to a worker. */
  bytes: Uint8Array;
  start: LineStart;
}

export interface ChunkLimits {
  maxLines: number;
  /** A chunk is cut once it reaches this size, even short of `maxLines` (a longer single line stays whole). */
  maxBytes: number;
}

/**
 * Splits `input` into chunks of at most `maxLines` lines, breaking lines exactly where `jsonlItems` does, and
 * tells each chunk how many lines and non-blank lines came before it. Chunks of only blank lines are counted
 * but not yielded.
 */
export async function* readJsonlChunks(
  input: AsyncIterable<Buffer>,
  limits: ChunkLimits,
): AsyncGenerator<JsonlChunk> {
  const before: LineStart = { lines: 0, rows: 0 };
  // `buf[chunk, scan)` is the chunk being gathered, `lines` and `rows` what it holds so far.
  let buf: Buffer = Buffer.alloc(0);
  let breaks = new LineBreaks(buf);
  let chunk = 0;
  let scan = 0;
  let lines = 0;
  let rows = 0;

  function* take(): Generator<JsonlChunk> {
    if (rows > 0) yield { bytes: new Uint8Array(buf.subarray(chunk, scan)), start: { ...before } };
    before.lines += lines;
    before.rows += rows;
    chunk = scan;
    lines = 0;
    rows = 0;
  }

  function* split(atEnd: boolean): Generator<JsonlChunk> {
    while (breaks.find(scan, atEnd)) {
      lines++;
      if (hasText(buf, scan, breaks.lineEnd)) rows++;
      scan = breaks.nextLine;
      if (lines >= limits.maxLines || scan - chunk >= limits.maxBytes) yield* take();
    }
    if (atEnd && scan < buf.length) {
      // The last line has no line break.
      lines++;
      if (hasText(buf, scan, buf.length)) rows++;
      scan = buf.length;
    }
  }

  for await (const data of input) {
    // Only the unfinished chunk is carried over; a new read usually starts one.
    buf = chunk < buf.length ? Buffer.concat([buf.subarray(chunk), data]) : data;
    scan -= chunk;
    chunk = 0;
    breaks = new LineBreaks(buf, scan);
    yield* split(false);
  }
  yield* split(true);
  if (lines > 0) yield* take();
}
