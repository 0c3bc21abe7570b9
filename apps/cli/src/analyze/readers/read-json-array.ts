/** @module Reads a JSON array of objects as a stream, one element at a time, so file size does not matter. */
import { pipeline } from "node:stream/promises";
import streamArray from "stream-json/streamers/stream-array.js";
import type { ColumnNames, ReaderItem } from "../source-row.js";
import { toSourceRow } from "../source-row.js";

export async function* readJsonArray(
  input: NodeJS.ReadableStream,
  columns: ColumnNames,
): AsyncIterable<ReaderItem> {
  const elements = streamArray.withParserAsStream();
  const piping = pipeline(input, elements).catch(() => {
    // The same error surfaces from the iteration below, where it is reported.
  });
  let position = 0;
  try {
    for await (const item of elements as AsyncIterable<{ key: number; value: unknown }>) {
      position = item.key + 1;
      yield toSourceRow(item.value, columns, position, `element ${position}`);
    }
  } catch (error) {
    yield {
      fatal: `not a valid JSON array after element ${position}: ${(error as Error).message}`,
      exitCode: 1,
    };
  }
  await piping;
}
