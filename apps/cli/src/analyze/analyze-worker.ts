/** @module Worker thread entry: runs the jobs the pool sends and posts back the output as bytes it can move. */
import { parentPort, workerData } from "node:worker_threads";
import { type BatchJob, type JobOptions, runJob } from "./analyze-job.js";

const options = workerData as JobOptions;
parentPort?.on("message", (job: BatchJob) => {
  // Encoded here, the output is handed over without a copy and written without another pass on the main thread.
  const reply = runJob(job, options);
  parentPort?.postMessage(reply, [reply.output.buffer as ArrayBuffer]);
});
