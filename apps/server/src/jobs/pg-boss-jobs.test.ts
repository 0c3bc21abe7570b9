/**
 * @module pg-boss adapter: jobs run once, failures are retried with an attempt count, singletons are refused, and a
 * job sent through a transaction exists only if that transaction commits.
 */
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgBossJobs } from "./pg-boss-jobs.js";

/** Resolves when `check` holds, polling briefly; fails the test after `ms`. */
async function eventually(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(backends())("PgBossJobs on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let jobs: PgBossJobs;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    jobs = new PgBossJobs({ connectionString: t.url, pollingIntervalSeconds: 0.5, maxConnections: 2 });
    await jobs.start();
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.drop();
  });

  it("runs a sent job once in a worker with its data", async () => {
    const seen: Array<{ n: number; attempt: number }> = [];
    await jobs.work<{ n: number }>("test-once", async (data, job) => {
      seen.push({ n: data.n, attempt: job.attempt });
    });
    const id = await jobs.send("test-once", { n: 7 });
    expect(id).toEqual(expect.any(String));
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([{ n: 7, attempt: 1 }]);
  });

  it("retries a failing job and reports the attempt", async () => {
    const attempts: number[] = [];
    await jobs.work<{ x: true }>("test-retry", async (_data, job) => {
      attempts.push(job.attempt);
      if (job.attempt < 2) throw new Error("transient");
    });
    await jobs.send("test-retry", { x: true }, { retryLimit: 2, retryDelay: 0, retryBackoff: false });
    await eventually(() => attempts.length === 2);
    expect(attempts).toEqual([1, 2]);
  });

  it("refuses a second queued job with the same singleton key, accepts keyless jobs", async () => {
    const later = new Date(Date.now() + 60_000);
    const first = await jobs.send("test-single", { a: 1 }, { singletonKey: "k", startAfter: later });
    const second = await jobs.send("test-single", { a: 2 }, { singletonKey: "k", startAfter: later });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    const keyless = [await jobs.send("test-single", { a: 3 }), await jobs.send("test-single", { a: 4 })];
    expect(keyless.every((id) => typeof id === "string")).toBe(true);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test-single'`.execute(t.db);
    expect(rows[0]?.n).toBe(3);
  });

  it("writes a job sent with a transaction's connection only when that transaction commits", async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test-trx'`.execute(
          t.db,
        )
      ).rows[0]?.n;
    const later = new Date(Date.now() + 60_000);
    const sendWithin = (rollBack: boolean) =>
      t.db
        .transaction()
        .execute(async (trx) => {
          const connection = {
            executeSql: async (text: string, values: unknown[]) => ({
              rows: [...(await trx.executeQuery(CompiledQuery.raw(text, values))).rows],
            }),
          };
          await jobs.send("test-trx", { rollBack }, { connection, startAfter: later });
          if (rollBack) throw new Error("roll back");
        })
        .catch(() => undefined);
    await sendWithin(true);
    expect(await count()).toBe(0);
    await sendWithin(false);
    expect(await count()).toBe(1);
  });
});
