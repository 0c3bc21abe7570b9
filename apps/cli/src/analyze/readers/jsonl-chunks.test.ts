/** @module Tests that cutting JSONL into chunks splits lines exactly like readline, wherever the reads end. */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS } from "../source-row.js";
import { readJsonlChunks } from "./jsonl-chunks.js";
import { forEachLine, hasText } from "./line-breaks.js";
import { jsonlItems } from "./read-jsonl.js";

/** The lines readline yields for `bytes` arriving in `pieces`, as the earlier line-by-line reader saw them. */
async function readlineLines(pieces: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: Readable.from(pieces), crlfDelay: Number.POSITIVE_INFINITY });
  reader.on("line", (line) => lines.push(line));
  await once(reader, "close");
  return lines;
}

function cut(bytes: Buffer, at: number[]): Buffer[] {
  const ends = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const end of [...ends, bytes.length]) {
    if (end > from) pieces.push(bytes.subarray(from, end));
    from = Math.max(from, end);
  }
  return pieces;
}

const part = fc.constantFrom(
  "\n",
  "\r",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "\u3000",
  "\uFEFF",
  "é",
  "{",
  "}",
  "a",
  '"',
  "1",
);
const text = fc.array(part, { maxLength: 60 }).map((p) => p.join(""));
const jsonLine = fc.record({ id: fc.nat(), customer: fc.string() }).map((r) => JSON.stringify(r));
const jsonl = fc
  .array(fc.tuple(fc.oneof(jsonLine, text), fc.constantFrom("\n", "\r\n", "\r", "\n\n", " \n")), {
    maxLength: 20,
  })
  .map((lines) => lines.map(([l, end]) => l + end).join(""));

describe("JSONL line breaks", () => {
  it("finds the same lines as readline", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 4 }), async (s, at) => {
        const bytes = Buffer.from(s);
        const ours: string[] = [];
        forEachLine(bytes, (from, to) => ours.push(bytes.toString("utf8", from, to)));
        expect(ours).toEqual(await readlineLines(cut(bytes, at)));
      }),
    );
  });

  it("tells blank lines as String.prototype.trim does", () => {
    fc.assert(
      fc.property(text, (s) => {
        const bytes = Buffer.from(s);
        expect(hasText(bytes, 0, bytes.length)).toBe(s.trim() !== "");
      }),
    );
  });
});

describe("readJsonlChunks", () => {
  it("gives the same rows, line numbers and positions as reading the file whole, however it is cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonl,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 80 }),
        async (s, at, maxLines, maxBytes) => {
          const bytes = Buffer.from(`\uFEFF${s}`);
          const whole = jsonlItems(bytes, { lines: 0, rows: 0 }, DEFAULT_COLUMNS);
          const chunked = [];
          for await (const chunk of readJsonlChunks(Readable.from(cut(bytes, at)), { maxLines, maxBytes })) {
            expect(chunk.bytes.length).toBeGreaterThan(0);
            chunked.push(...jsonlItems(Buffer.from(chunk.bytes), chunk.start, DEFAULT_COLUMNS));
          }
          expect(chunked).toEqual(whole);
        },
      ),
    );
  });

  it("cuts chunks at most maxLines lines long", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: i, customer: "hi" }));
    const input = Readable.from([Buffer.from(lines.join("\n"))]);
    const starts = [];
    for await (const chunk of readJsonlChunks(input, { maxLines: 4, maxBytes: 1 << 20 }))
      starts.push(chunk.start);
    expect(starts).toEqual([
      { lines: 0, rows: 0 },
      { lines: 4, rows: 4 },
      { lines: 8, rows: 8 },
    ]);
  });
});
