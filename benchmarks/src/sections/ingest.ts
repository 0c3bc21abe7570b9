/**
 * @module Section: ingest throughput. Customer messages POSTed to the desk API by 100 concurrent clients, each
 * committed before its 201, against the raw single-row INSERT rate of the same PostgreSQL in the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createCustomer, openDatabase } from "@keel/db";
import { sql } from "kysely";
import { buildApp } from "../../../apps/server/src/app.js";
import { systemClock } from "../../../apps/server/src/clock.js";
import { readConfig } from "../../../apps/server/src/config.js";
import { createAgent } from "../../../apps/server/src/features/agents/service.js";
import { issueApiToken } from "../../../apps/server/src/features/auth/service.js";
import { createCase } from "../../../apps/server/src/features/cases/service.js";
import { PgBossJobs } from "../../../apps/server/src/jobs/pg-boss-jobs.js";
import type { BenchContext, Section } from "../context.js";
import { treeCpuMs } from "../process-cpu.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatNumber, percentile } from "../stats.js";

const CLIENTS = 100;
const TARGET_RATIO = 0.6;
const TARGET_RATE = 3_000;
const TARGET_P99_MS = 50;
const CASES = 200;

interface Driven {
  seconds: number;
  latencies: number[];
  /** CPU milliseconds per call of this process (clients and server) and of the database's processes. */
  cpuMs: number;
  dbCpuMs: number | null;
}

/**
 * Runs `task` from `clients` concurrent loops until `total` calls were made; returns each call's latency in ms and
 * the CPU time per call, of this process and of the database's processes (`dbPid`'s tree).
 */
async function drive(
  total: number,
  clients: number,
  dbPid: number | null,
  task: (i: number) => Promise<void>,
): Promise<Driven> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const dbBefore = dbPid === null ? null : treeCpuMs(dbPid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const dbAfter = dbPid === null ? null : treeCpuMs(dbPid);
  return {
    seconds,
    latencies,
    cpuMs: (cpu.user + cpu.system) / 1000 / total,
    dbCpuMs: dbBefore === null || dbAfter === null ? null : (dbAfter - dbBefore) / total,
  };
}

async function run(context: BenchContext): Promise<TargetResult[]> {
  const total = context.quick ? 2_000 : 10_000;
  const dataDir = mkdtempSync(join(tmpdir(), "keel-bench-ingest-"));
  const opened = await openDatabase({ dataDir, maxConnections: 20 });
  if (!opened.ok) throw new Error(opened.error.message);
  const { db, url, close, embedded } = opened.value;
  const dbPid = embedded?.pid ?? null;
  const jobs = new PgBossJobs({ connectionString: url, maxConnections: 4 });
  try {
    // Raw: one INSERT per statement, autocommitted (synchronous commit, like the API's).
    await sql`CREATE TABLE bench_raw (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(
      db,
    );
    const raw = await drive(total, CLIENTS, dbPid, async (i) => {
      await sql`INSERT INTO bench_raw (body) VALUES (${`raw message ${i} with about the length of a short complaint`})`.execute(
        db,
      );
    });
    const rawRate = total / raw.seconds;

    await jobs.start();
    const config = readConfig({
      KEEL_SECRET: "bench-secret-bench-secret-bench-secret-00",
      KEEL_SEED_DEMO: "false",
    });
    const deps = { db, clock: systemClock, config, jobs };
    const app = await buildApp(deps);
    await app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const agent = await createAgent(
      deps,
      { email: "bench@bench.keel", name: "Bench", role: "agent", password: "bench bench bench" },
      { kind: "system", id: null },
    );
    if (!agent.ok) throw new Error(agent.error.message);
    const token = await issueApiToken(deps, agent.value.id, "bench");
    if (!token.ok) throw new Error(token.error.message);
    const customer = await createCustomer(db, { name: "Bench customer" });
    const caseIds: string[] = [];
    for (let c = 0; c < CASES; c++) {
      const kase = await createCase(deps, { subject: `Bench case ${c}`, customerId: customer.id });
      if (!kase.ok) throw new Error(kase.error.message);
      caseIds.push(kase.value.id);
    }
    const texts = context.corpus.customerTurns.slice(0, 500);
    let failed = 0;
    const api = await drive(total, CLIENTS, dbPid, async (i) => {
      const response = await fetch(`${base}/cases/${caseIds[i % CASES]}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.value.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          direction: "inbound",
          channel: "api",
          contact: { kind: "email", value: `customer${i % CASES}@bench.keel` },
          body: texts[i % Math.max(1, texts.length)] ?? `My order ${i} still has not arrived.`,
          externalMessageId: `bench-${i}`,
        }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) failed++;
    });
    await app.close();
    const stored = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM messages WHERE external_message_id LIKE 'bench-%'`.execute(db)
      ).rows[0]?.n ?? 0,
    );
    const apiRate = total / api.seconds;
    const p50 = percentile(api.latencies, 50);
    const p99 = percentile(api.latencies, 99);
    const cpuCells = (run: Driven) => [
      formatNumber(run.cpuMs, 3),
      run.dbCpuMs === null ? "n/a" : formatNumber(run.dbCpuMs, 3),
    ];
    printTable(
      ["path", "messages", "seconds", "per second", "p50 ms", "p99 ms", "CPU ms/msg", "PG CPU ms/msg"],
      [
        [
          "raw INSERT",
          String(total),
          formatNumber(raw.seconds),
          formatNumber(rawRate, 0),
          formatNumber(percentile(raw.latencies, 50)),
          formatNumber(percentile(raw.latencies, 99)),
          ...cpuCells(raw),
        ],
        [
          "API (201 after commit)",
          String(total),
          formatNumber(api.seconds),
          formatNumber(apiRate, 0),
          formatNumber(p50),
          formatNumber(p99),
          ...cpuCells(api),
        ],
      ],
    );
    console.log(
      "CPU ms/msg: this process (the 100 clients and the server); PG: the embedded PostgreSQL's processes. " +
        `Load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}.`,
    );
    console.log(
      `${CLIENTS} concurrent clients in the bench process; ${stored} messages stored, ${failed} non-201 answers.`,
    );
    const ok = failed === 0 && stored === total;
    return [
      {
        section: "ingest",
        target: "every 201 stored",
        measured: `${stored}/${total}, ${failed} failed`,
        verdict: verdictOf(ok),
      },
      {
        section: "ingest",
        target: `API ≥ ${TARGET_RATIO * 100} % of raw insert rate`,
        measured: `${formatNumber((apiRate / rawRate) * 100, 0)} %`,
        verdict: verdictOf(apiRate >= TARGET_RATIO * rawRate),
      },
      {
        section: "ingest",
        target: `API ≥ ${TARGET_RATE} msg/s`,
        measured: `${formatNumber(apiRate, 0)} msg/s`,
        verdict: verdictOf(apiRate >= TARGET_RATE),
      },
      {
        section: "ingest",
        target: `API p99 < ${TARGET_P99_MS} ms (${CLIENTS} clients)`,
        measured: `${formatNumber(p99)} ms`,
        verdict: verdictOf(p99 < TARGET_P99_MS),
      },
    ];
  } finally {
    await jobs.stop().catch(() => undefined);
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const ingestSection: Section = {
  id: "ingest",
  title: "Ingest: messages/s through the API vs raw inserts",
  run,
};
