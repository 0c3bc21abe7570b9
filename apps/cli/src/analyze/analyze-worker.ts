/** @module Worker thread entry: analyses the batches the pool sends and posts the results back. */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeBatch, type BatchOptions } from "./analyze-batch.js";
import type { SourceRow } from "./source-row.js";

export interface BatchRequest {
  seq: number;
  rows: SourceRow[];
}

const options = workerData as BatchOptions;
parentPort?.on("message", (request: BatchRequest) => {
  parentPort?.postMessage({ seq: request.seq, result: analyzeBatch(request.rows, options) });
});
