/** @module A fixed pool of worker threads that analyse batches; callers await results in whatever order they need. */
import { Worker } from "node:worker_threads";
import { analyzeBatch, type BatchOptions, type BatchResult } from "./analyze-batch.js";
import type { BatchRequest } from "./analyze-worker.js";
import type { SourceRow } from "./source-row.js";

interface Job {
  request: BatchRequest;
  resolve: (result: BatchResult) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private seq = 0;
  private mainThreadBusy = false;

  /**
   * `helpOnMainThread`: when every worker is busy and a batch waits, the main thread analyses it itself.
   * With the default of one worker per spare core, this keeps the main thread's core busy too.
   */
  constructor(
    size: number,
    script: URL,
    private readonly options: BatchOptions,
    private readonly helpOnMainThread = false,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: options });
      worker.on("message", (message: { seq: number; result: BatchResult }) =>
        this.finished(worker, message.result),
      );
      worker.on("error", (error) => this.failed(worker, error));
      this.idle.push(worker);
    }
  }

  /** Queues a batch; the promise settles when a worker has analysed it. */
  run(rows: SourceRow[]): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { seq: this.seq++, rows }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.running.set(worker, job);
      worker.postMessage(job.request);
    }
    if (this.helpOnMainThread && !this.mainThreadBusy && this.queue.length > 0) {
      this.mainThreadBusy = true;
      // Deferred so workers' finished batches are taken in first; a worker may take the job meanwhile.
      setImmediate(() => {
        const job = this.queue.shift();
        if (job) {
          try {
            job.resolve(analyzeBatch(job.request.rows, this.options));
          } catch (error) {
            job.reject(error as Error);
          }
        }
        this.mainThreadBusy = false;
        this.dispatch();
      });
    }
  }

  private finished(worker: Worker, result: BatchResult): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    job?.resolve(result);
    this.dispatch();
  }

  private failed(worker: Worker, error: Error): void {
    // A dead worker is a bug, not bad input: fail its batch and everything still waiting.
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const job of this.queue.splice(0)) job.reject(error);
  }
}
