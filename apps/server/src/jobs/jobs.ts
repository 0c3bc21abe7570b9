/** @module The background-job port features use; backed by pg-boss (in-process by default, `npm run worker` to scale). */

/** A connection the job row can be written through: an open transaction, so the job commits (or not) with it. */
export interface JobConnection {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface SendOptions {
  /** Write the job inside this transaction instead of on its own: one commit for the change and its event. */
  connection?: JobConnection;
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job with this key per queue. */
  singletonKey?: string;
  retryLimit?: number;
  /** Seconds before the first retry; doubles each retry when `retryBackoff`. */
  retryDelay?: number;
  retryBackoff?: boolean;
}

export type JobHandler<T> = (data: T, job: { id: string; attempt: number }) => Promise<void>;

export interface Jobs {
  /** Queues a job; returns its id, or null when a singleton with the same key is already queued. */
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Handles a queue's jobs in this process (only in processes that run workers). */
  work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void>;
  stop(): Promise<void>;
}
