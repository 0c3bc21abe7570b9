/** @module A fixed pool of worker threads that run jobs; callers await results in whatever order they need. */
import { Worker } from "node:worker_threads";
import { type BatchJob, type JobOptions, runJob, type WorkerReply } from "./analyze-job.js";

interface Waiting {
  job: BatchJob;
  resolve: (result: WorkerReply) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Waiting[] = [];
  private readonly running = new Map<Worker, Waiting>();
  private mainThreadBusy = false;

  /**
   * `helpOnMainThread`: when every worker is busy and a job waits, the main thread runs it itself.
   */
  constructor(
    size: number,
    script: URL,
    private readonly options: JobOptions,
    private readonly helpOnMainThread = false,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: options });
      worker.on("message", (reply: WorkerReply) => this.finished(worker, reply));
      worker.on("error", (error) => this.failed(worker, error));
      this.idle.push(worker);
    }
  }

  /** Queues a job; the promise settles when a worker has run it. A JSONL job's bytes move to the worker. */
  run(job: BatchJob): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
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
      const waiting = this.queue.shift() as Waiting;
      this.running.set(worker, waiting);
      const job = waiting.job;
      worker.postMessage(job, job.kind === "jsonl" ? [job.bytes.buffer as ArrayBuffer] : []);
    }
    if (this.helpOnMainThread && !this.mainThreadBusy && this.queue.length > 0) {
      this.mainThreadBusy = true;
      // Deferred so workers' finished jobs are taken in first; a worker may take the job meanwhile.
      setImmediate(() => {
        const waiting = this.queue.shift();
        if (waiting) {
          try {
            waiting.resolve(runJob(waiting.job, this.options));
          } catch (error) {
            waiting.reject(error as Error);
          }
        }
        this.mainThreadBusy = false;
        this.dispatch();
      });
    }
  }

  private finished(worker: Worker, reply: WorkerReply): void {
    const waiting = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    waiting?.resolve(reply);
    this.dispatch();
  }

  private failed(worker: Worker, error: Error): void {
    // A dead worker is a bug, not bad input: fail its job and everything still waiting.
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
  }
}
