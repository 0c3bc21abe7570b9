/** @module Builds the app on a fresh test database with a manual clock and an in-memory job recorder. */
import { createTestDatabase, type TestBackend } from "@keel/db/testing";
import { type App, buildApp } from "../app.js";
import { ManualClock } from "../clock.js";
import { readConfig } from "../config.js";
import type { AppDeps } from "../deps.js";
import type { JobHandler, Jobs, SendOptions } from "../jobs/jobs.js";

/** Records sent jobs; tests run them explicitly with `runAll`, so nothing happens behind a test's back. */
export class RecordingJobs implements Jobs {
  readonly sent: Array<{ queue: string; data: object; options: SendOptions | undefined }> = [];
  readonly #handlers = new Map<string, JobHandler<object>>();
  async send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string> {
    this.sent.push({ queue, data, options });
    return String(this.sent.length);
  }
  async work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void> {
    this.#handlers.set(queue, handler as JobHandler<object>);
  }
  /** Runs every recorded job whose queue has a handler, oldest first, including jobs those jobs send. */
  async runAll(): Promise<number> {
    let ran = 0;
    while (this.sent.length > 0) {
      const job = this.sent.shift();
      if (!job) break;
      const handler = this.#handlers.get(job.queue);
      if (handler) {
        await handler(job.data, { id: String(ran), attempt: 1 });
        ran++;
      }
    }
    return ran;
  }
  async stop(): Promise<void> {}
}

export interface TestApp {
  app: App;
  deps: AppDeps & { clock: ManualClock; jobs: RecordingJobs };
  close(): Promise<void>;
}

export async function createTestApp(backend: TestBackend): Promise<TestApp> {
  const database = await createTestDatabase(backend);
  const deps = {
    db: database.db,
    clock: new ManualClock(),
    config: readConfig({ KEEL_SECRET: "test-secret-test-secret-test-secret-0000" }),
    jobs: new RecordingJobs(),
  };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
