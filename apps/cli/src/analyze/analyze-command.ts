/** @module `keel analyze`: streams an export through the coach, in order, with bounded memory, and reports bad rows. */

import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BatchJob, type JobOptions, runJob, type WorkerReply } from "./analyze-job.js";
import type { AnalyzeOptions } from "./analyze-options.js";
import { emptyStats, mergeStats } from "./batch-stats.js";
import { outputFormat } from "./formats/output-format.js";
import { detectFormat } from "./input-format.js";
import { jobsFrom } from "./job-source.js";
import { startProgress } from "./progress.js";
import type { BadRow } from "./source-row.js";
import { WorkerPool } from "./worker-pool.js";

export interface AnalyzeIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_BAD_ROWS = 1;
export const EXIT_USAGE = 2;

/** Beyond this many, bad rows are counted but not printed one by one. */
const MAX_REPORTED_BAD_ROWS = 200;

type Submit = (job: BatchJob) => Promise<WorkerReply>;

/** The compiled worker script; absent when running from TypeScript sources (tests), where we stay in-process. */
function workerScript(): URL | null {
  const url = new URL("./analyze-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

type Opened = { ok: true; stream: NodeJS.WritableStream } | { ok: false; message: string };

/** Opens the output file up front, so a bad path is a usage error before any work is done. */
async function openOutput(path: string): Promise<Opened> {
  const stream = createWriteStream(path);
  try {
    await once(stream, "open");
    return { ok: true, stream };
  } catch (error) {
    return { ok: false, message: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

/** Marks a batch promise as handled now; its error still surfaces when it is awaited in order. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

async function write(out: NodeJS.WritableStream, output: string | Uint8Array): Promise<void> {
  if (output.length > 0 && !out.write(output)) await once(out, "drain");
}

export async function runAnalyze(options: AnalyzeOptions, io: AnalyzeIo): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`keel analyze: ${message}\n`);
    return code;
  };
  const info = await stat(options.file).catch(() => null);
  if (!info) return fail(`cannot read "${options.file}": no such file`, EXIT_USAGE);
  if (!info.isFile()) return fail(`"${options.file}" is not a file`, EXIT_USAGE);
  const inputFormat = options.inputFormat ?? (await detectFormat(options.file));
  if (!inputFormat) {
    return fail(
      `cannot tell the format of "${options.file}": name it .csv, .jsonl, .json or .mbox, or pass --input-format`,
      EXIT_USAGE,
    );
  }

  if (options.out && resolve(options.out) === resolve(options.file)) {
    return fail("--out must not be the input file (it would be overwritten while being read)", EXIT_USAGE);
  }
  const opened = options.out ? await openOutput(options.out) : { ok: true as const, stream: io.stdout };
  if (!opened.ok) return fail(`cannot write "${options.out}": ${opened.message}`, EXIT_USAGE);
  const out = opened.stream;

  const jobOptions: JobOptions = {
    format: options.format,
    maskProfanity: options.maskProfanity,
    columns: options.columns,
  };
  const script = options.workers > 0 ? workerScript() : null;
  if (options.workers > 0 && !script)
    io.stderr.write("keel analyze: worker script not built; analysing in-process\n");
  // A core left without a worker is the main thread's: it also analyses when the workers are behind.
  const helpOnMainThread = options.workers < availableParallelism();
  const pool = script ? new WorkerPool(options.workers, script, jobOptions, helpOnMainThread) : null;
  const submit: Submit = pool ? (job) => pool.run(job) : async (job) => runJob(job, jobOptions);
  // Two batches per worker keep every worker busy while the reader waits: memory stays bounded.
  const maxInFlight = pool ? (options.workers + (helpOnMainThread ? 1 : 0)) * 2 : 1;

  let outputError: Error | null = null;
  out.on("error", (error: Error) => {
    outputError = error;
  });
  const input = createReadStream(options.file, { highWaterMark: 1 << 20 });
  const progress = startProgress({
    stderr: io.stderr,
    env: io.env,
    totalBytes: info.size,
    bytesRead: () => input.bytesRead,
  });

  const format = outputFormat(options.format);
  const stats = emptyStats();
  let failed = 0;
  const report = (bad: BadRow) => {
    failed++;
    if (failed <= MAX_REPORTED_BAD_ROWS) progress.log(`keel analyze: ${bad.where}: ${bad.reason} (skipped)`);
    else if (failed === MAX_REPORTED_BAD_ROWS + 1)
      progress.log("keel analyze: more bad rows; only counting from here");
  };
  const inFlight: Array<Promise<WorkerReply>> = [];
  const drainOne = async () => {
    const result = await (inFlight.shift() as Promise<WorkerReply>);
    for (const bad of result.failures) report(bad);
    mergeStats(stats, result.stats);
    progress.rowsDone(result.stats.rows);
    await write(out, result.output);
  };

  let fatal: { message: string; code: number } | null = null;
  try {
    await write(out, format.header());
    // An empty export is zero rows in every format (a JSON parser would call it truncated).
    const items = info.size === 0 ? [] : jobsFrom(input, inputFormat, options.columns, options.batchSize);
    for await (const item of items) {
      if (outputError) break;
      if ("fatal" in item) {
        fatal = { message: item.fatal, code: item.exitCode };
        break;
      }
      if ("bad" in item) {
        report(item.bad);
        continue;
      }
      inFlight.push(handled(submit(item.job)));
      while (inFlight.length >= maxInFlight) await drainOne();
    }
    while (inFlight.length > 0) await drainOne();
    if (!fatal && !outputError) await write(out, format.footer(stats, failed));
  } catch (error) {
    // A failed write surfaces here too (from waiting on "drain"); it is reported below.
    if (!outputError) throw error;
  } finally {
    input.destroy();
    progress.stop();
    await pool?.close();
    if (options.out) {
      out.end();
      if (!outputError) await once(out, "finish").catch(() => {});
    }
  }

  if (outputError) {
    // The reader went away (`keel analyze … | head`): stopping quietly is what a pipe expects.
    if ((outputError as NodeJS.ErrnoException).code === "EPIPE") return EXIT_OK;
    return fail(`cannot write output: ${(outputError as Error).message}`, EXIT_BAD_ROWS);
  }
  if (fatal) {
    io.stderr.write(`keel analyze: ${fatal.message}\n`);
    if (fatal.code === EXIT_USAGE) return EXIT_USAGE;
  }
  const summary = `keel analyze: ${stats.rows} rows ok, ${failed} failed`;
  io.stderr.write(`${summary}${fatal ? " (input ended early)" : ""}\n`);
  return failed > 0 || fatal ? EXIT_BAD_ROWS : EXIT_OK;
}
