/**
 * @module The `Jobs` port on pg-boss 10: jobs live in their own `pgboss` schema of Keel's database, so several
 * processes (the server, `npm run worker` on other machines) share one queue through PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { JobHandler, Jobs, SendOptions } from "./jobs.js";

export interface PgBossJobsOptions {
  /** The PostgreSQL holding Keel's tables; pg-boss adds its schema there. */
  connectionString: string;
  schema?: string;
  /** How often an idle worker looks for new jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Connections pg-boss may hold. */
  maxConnections?: number;
  onError?: (error: Error) => void;
}

export const PG_BOSS_SCHEMA = "pgboss";

export class PgBossJobs implements Jobs {
  readonly #boss: PgBoss;
  readonly #polling: number;
  readonly #queues = new Map<string, Promise<void>>();
  #started: Promise<void> | undefined;
  #stopping = false;

  constructor(options: PgBossJobsOptions) {
    this.#polling = options.pollingIntervalSeconds ?? 0.5;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema ?? PG_BOSS_SCHEMA,
      max: options.maxConnections ?? 4,
      application_name: "keel-jobs",
    });
    const onError = options.onError ?? ((error: Error) => console.error(`jobs: ${error.message}`));
    // Once stopping, the database may go away under pg-boss's idle connections: those errors are expected.
    this.#boss.on("error", (error: Error) => {
      if (!this.#stopping) onError(error);
    });
  }

  /** Creates or upgrades the pg-boss schema; safe to call from several processes at once. */
  start(): Promise<void> {
    this.#started ??= this.#boss.start().then(() => undefined);
    return this.#started;
  }

  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    await this.#queue(queue);
    return this.#boss.send(queue, data, {
      ...(options.connection === undefined ? {} : { db: options.connection }),
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      // Queues use the "short" policy: one *queued* job per key. A job sent without a key gets a unique one,
      // so only callers that ask for a singleton are ever refused.
      singletonKey: options.singletonKey ?? randomUUID(),
      retryLimit: options.retryLimit ?? 3,
      retryDelay: options.retryDelay ?? 5,
      retryBackoff: options.retryBackoff ?? true,
    });
  }

  async work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void> {
    await this.#queue(queue);
    await this.#boss.work<T>(
      queue,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.#polling },
      async (jobs) => {
        for (const job of jobs) await handler(job.data, { id: job.id, attempt: job.retryCount + 1 });
      },
    );
  }

  async stop(): Promise<void> {
    if (this.#started === undefined) return;
    this.#stopping = true;
    await this.#started.catch(() => undefined);
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.#started = undefined;
  }

  #queue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (!created) {
      created = this.start().then(() => this.#boss.createQueue(name, { name, policy: "short" }));
      this.#queues.set(name, created);
    }
    return created;
  }
}
