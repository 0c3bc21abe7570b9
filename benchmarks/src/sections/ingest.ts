/**
 * @module Section: ingest throughput. Customer messages POSTed to the desk API by 100 concurrent clients, each
 * committed before its 201, against the raw single-row INSERT rate of the same PostgreSQL in the same run: from one
 * client (the rate the target is set against) and from 100 concurrent ones (where PostgreSQL's own group commit
 * shares each WAL flush among the inserts waiting for it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createCustomer, type Database, openDatabase } from "@keel/db";
import { type Kysely, sql } from "kysely";
import { Pool } from "undici";
import { systemClock } from "../../../apps/server/src/clock.js";
import { readConfig } from "../../../apps/server/src/config.js";
import { createAgent } from "../../../apps/server/src/features/agents/service.js";
import { issueApiToken } from "../../../apps/server/src/features/auth/service.js";
import { createCase } from "../../../apps/server/src/features/cases/service.js";
import { PgBossJobs } from "../../../apps/server/src/jobs/pg-boss-jobs.js";
import {
  exited,
  type ServerProcess,
  startServerProcess,
} from "../../../apps/server/src/testing/server-process.js";
import type { BenchContext, Section } from "../context.js";
import { driveAtRate } from "../open-loop.js";
import { helperThreadsCpuMs, machineCpuMs, mainThreadSchedMs, treeCpuMs } from "../process-cpu.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatNumber, percentile } from "../stats.js";

const CLIENTS = 100;
const TARGET_RATIO = 0.6;
const TARGET_RATE = 3_000;
const TARGET_P99_MS = 50;
const CASES = 200;
const WARM_UP_RAW = 2 * CLIENTS;
/** Inserts timed from a single client: each waits for its own commit, as one writer would. */
const RAW_ONE_CLIENT = 2_000;
/**
 * API messages sent before the timed run: the first on each case records its sender as a new customer, and the coach
 * inside the server needs a few thousand messages before V8 has optimised it (measured in the server: ~165 µs of CPU
 * per analysis over the first 2,000 messages, ~20 µs once warm), as it is in a desk that has been running.
 */
const WARM_UP_API = 4_000;
/**
 * The open-loop run's rate, as a share of the closed loop's: a desk busy but not saturated. The target is judged on
 * the closed loop; this row shows what such a desk's customers wait.
 */
const STEADY_SHARE = 0.7;

const SECRET = "bench-secret-bench-secret-bench-secret-00";

interface Driven {
  seconds: number;
  latencies: number[];
  /** When each call started (ms after the first), in the order of `latencies`. */
  startedAt: number[];
  /** CPU milliseconds per call: of this process (the clients), of the server's process, of the database's. */
  cpuMs: number;
  serverCpuMs: number | null;
  /** Of `serverCpuMs`, what the server's other threads used (V8's garbage collection and compilation helpers). */
  serverHelpersCpuMs: number | null;
  dbCpuMs: number | null;
  /** Seconds from the last answer until `settle` resolved (the work left behind the answers: reactions). */
  settleSeconds: number;
  /**
   * While the calls ran (until the last answer, not the settling): the shares of the wall time the server's main
   * thread was on a core and was ready to run but waiting for one, and the share of the machine's CPU time left idle;
   * null where not measured.
   */
  serverMain: { onCore: number; waiting: number } | null;
  machineIdle: number | null;
}

/** KEEL_BENCH_OPEN_RATE: the open-loop run's rate in messages a second, instead of a share of the closed loop's. */
function openRate(): number | null {
  const value = Number(process.env.KEEL_BENCH_OPEN_RATE);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Runs `task` from `clients` concurrent loops until `total` calls were made; returns each call's latency in ms and
 * the CPU time per call, of this process and of the database's processes (`dbPid`'s tree).
 */
async function drive(
  total: number,
  clients: number,
  dbPid: number | null,
  serverPid: number | null,
  task: (i: number) => Promise<void>,
  settle?: () => Promise<number>,
): Promise<Driven> {
  const latencies: number[] = [];
  const startedAt: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const dbBefore = dbPid === null ? null : treeCpuMs(dbPid);
  const serverBefore = serverPid === null ? null : treeCpuMs(serverPid);
  const helpersBefore = serverPid === null ? null : helperThreadsCpuMs(serverPid);
  const schedBefore = serverPid === null ? null : mainThreadSchedMs(serverPid);
  const machineBefore = machineCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
        startedAt.push(t0 - started);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const schedAnswered = serverPid === null ? null : mainThreadSchedMs(serverPid);
  const machineAnswered = machineCpuMs();
  // CPU is read once what the calls left behind is done, so work moved after the answer is still counted.
  const settleSeconds = settle === undefined ? 0 : await settle();
  const cpu = process.cpuUsage(cpuBefore);
  const dbAfter = dbPid === null ? null : treeCpuMs(dbPid);
  const serverAfter = serverPid === null ? null : treeCpuMs(serverPid);
  const helpersAfter = serverPid === null ? null : helperThreadsCpuMs(serverPid);
  return {
    seconds,
    latencies,
    startedAt,
    settleSeconds,
    serverMain:
      schedBefore === null || schedAnswered === null
        ? null
        : {
            onCore: (schedAnswered.onCpu - schedBefore.onCpu) / (seconds * 1000),
            waiting: (schedAnswered.waiting - schedBefore.waiting) / (seconds * 1000),
          },
    machineIdle: idleShare(machineBefore, machineAnswered),
    cpuMs: (cpu.user + cpu.system) / 1000 / total,
    dbCpuMs: dbBefore === null || dbAfter === null ? null : (dbAfter - dbBefore) / total,
    serverCpuMs: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / total,
    serverHelpersCpuMs:
      helpersBefore === null || helpersAfter === null ? null : (helpersAfter - helpersBefore) / total,
  };
}

/** The idle share of the machine's CPU time between two readings. */
function idleShare(
  before: ReturnType<typeof machineCpuMs>,
  after: ReturnType<typeof machineCpuMs>,
): number | null {
  if (before === null || after === null) return null;
  const idle = after.idle - before.idle;
  const all = idle + after.busy - before.busy;
  return all > 0 ? idle / all : null;
}

/**
 * The clients' connections to the server: one kept-alive connection each, through undici (Node's own HTTP client
 * project). Clients share the machine with the server they measure, so theirs must cost little: measured per request
 * here, `fetch` ~0.25 ms of CPU, `node:http` ~0.05–0.07, undici ~0.02–0.04 (and a bare Fastify route spent less per
 * request answering undici: ~0.02 ms against 0.03–0.045).
 */
class Clients {
  readonly #pool: Pool;
  constructor(origin: string) {
    this.#pool = new Pool(origin, { connections: CLIENTS, pipelining: 1 });
  }

  /** One POST; resolves with the status once the answer was read whole. */
  async post(path: string, token: string, payload: object): Promise<number> {
    const response = await this.#pool.request({
      path,
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    await response.body.dump();
    return response.statusCode;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/**
 * With KEEL_BENCH_TIMELINE set: the calls' latencies by when they started, in 100 ms slices (where a p99 comes from:
 * slow calls spread thin, or whole slices where every call in flight waited).
 */
function printTimeline(run: Driven): void {
  if (!process.env.KEEL_BENCH_TIMELINE) return;
  const slices = new Map<number, number[]>();
  run.startedAt.forEach((at, i) => {
    const slice = Math.floor(at / 100);
    const latencies = slices.get(slice) ?? [];
    latencies.push(run.latencies[i] ?? 0);
    slices.set(slice, latencies);
  });
  for (const [slice, latencies] of [...slices].sort((a, b) => a[0] - b[0])) {
    console.log(
      `  ${String(slice * 100).padStart(6)} ms: ${String(latencies.length).padStart(4)} calls, p50 ` +
        `${formatNumber(percentile(latencies, 50))} ms, p99 ${formatNumber(percentile(latencies, 99))} ms, max ` +
        `${formatNumber(Math.max(...latencies))} ms, ${latencies.filter((ms) => ms >= TARGET_P99_MS).length} at or over ` +
        `${TARGET_P99_MS} ms`,
    );
  }
}

/** Waits until no message's reactions are queued (at most two minutes); returns the seconds waited. */
async function reactionsDrained(db: Kysely<Database>): Promise<number> {
  const started = performance.now();
  const queued = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM message_reactions_due`.execute(db)).rows[0]?.n,
    );
  while ((await queued()) > 0 && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (performance.now() - started) / 1000;
}

async function run(context: BenchContext): Promise<TargetResult[]> {
  const total = context.quick ? 2_000 : 10_000;
  const dataDir = mkdtempSync(join(tmpdir(), "keel-bench-ingest-"));
  const opened = await openDatabase({ dataDir, maxConnections: 20 });
  if (!opened.ok) throw new Error(opened.error.message);
  const { db, url, close, embedded } = opened.value;
  const dbPid = embedded?.pid ?? null;
  const jobs = new PgBossJobs({ connectionString: url, maxConnections: 4 });
  let server: ServerProcess | null = null;
  let clients: Clients | null = null;
  try {
    // Raw: one INSERT per statement, autocommitted (synchronous commit, like the API's).
    await sql`CREATE TABLE bench_raw (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(
      db,
    );
    const rawInsert = async (i: number) => {
      await sql`INSERT INTO bench_raw (body) VALUES (${`raw message ${i} with about the length of a short complaint`})`.execute(
        db,
      );
    };
    // Both paths are timed warm: connections open, code compiled (the API's warm-up is printed below).
    await drive(WARM_UP_RAW, CLIENTS, null, null, (i) => rawInsert(-1 - i));
    const rawOne = await drive(RAW_ONE_CLIENT, 1, dbPid, null, (i) => rawInsert(total + i));
    const rawOneRate = RAW_ONE_CLIENT / rawOne.seconds;
    const raw = await drive(total, CLIENTS, dbPid, null, rawInsert);
    const rawRate = total / raw.seconds;

    await jobs.start();
    const config = readConfig({ KEEL_SECRET: SECRET, KEEL_SEED_DEMO: "false" });
    const deps = { db, clock: systemClock, config, jobs };
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
    // The desk as users run it: the built server in a process of its own, on this PostgreSQL.
    server = await startServerProcess({ DATABASE_URL: url, KEEL_SECRET: SECRET, KEEL_SEED_DEMO: "false" });
    clients = new Clients(new URL(server.httpUrl).origin);
    const http = clients;
    const serverPid = server.child.pid ?? 0;
    const texts = context.corpus.customerTurns.slice(0, 500);
    let failed = 0;
    const send = async (i: number, externalMessageId: string) => {
      const status = await http.post(`/api/v1/cases/${caseIds[i % CASES]}/messages`, token.value.token, {
        direction: "inbound",
        channel: "api",
        contact: { kind: "email", value: `customer${i % CASES}@bench.keel` },
        body: texts[i % Math.max(1, texts.length)] ?? `My order ${i} still has not arrived.`,
        externalMessageId,
      });
      if (status !== 201) failed++;
    };
    // Warm-up, not timed (see WARM_UP_API).
    const warmUp = await drive(WARM_UP_API, CLIENTS, null, null, (i) => send(i, `warm-${i}`));
    await reactionsDrained(db);
    const api = await drive(
      total,
      CLIENTS,
      dbPid,
      serverPid,
      (i) => send(i, `bench-${i}`),
      () => reactionsDrained(db),
    );
    printTimeline(api);
    // Reactions run after each commit: how far they lagged behind the answers.
    const reactionsLagSeconds = api.settleSeconds;
    // Below saturation: as many messages arriving on a schedule, at a share of the rate just measured (or at
    // KEEL_BENCH_OPEN_RATE messages a second).
    const steadyRate = openRate() ?? Math.round((STEADY_SHARE * total) / api.seconds);
    const steady = await driveAtRate(total, steadyRate, (i) => send(i, `steady-${i}`));
    const steadyReactionsLag = await reactionsDrained(db);
    await clients.close();
    clients = null;
    server.child.kill("SIGTERM");
    await exited(server.child);
    server = null;
    const stored = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM messages
            WHERE external_message_id LIKE 'bench-%' OR external_message_id LIKE 'steady-%'`.execute(db)
      ).rows[0]?.n ?? 0,
    );
    const apiRate = total / api.seconds;
    const p50 = percentile(api.latencies, 50);
    const p99 = percentile(api.latencies, 99);
    const cpuCells = (run: Driven) => [
      formatNumber(run.cpuMs, 3),
      run.serverCpuMs === null ? "—" : formatNumber(run.serverCpuMs, 3),
      run.dbCpuMs === null ? "n/a" : formatNumber(run.dbCpuMs, 3),
    ];
    printTable(
      [
        "path",
        "messages",
        "seconds",
        "per second",
        "p50 ms",
        "p99 ms",
        "client CPU ms/msg",
        "server CPU ms/msg",
        "PG CPU ms/msg",
      ],
      [
        [
          "raw INSERT, 1 client",
          String(RAW_ONE_CLIENT),
          formatNumber(rawOne.seconds),
          formatNumber(rawOneRate, 0),
          formatNumber(percentile(rawOne.latencies, 50)),
          formatNumber(percentile(rawOne.latencies, 99)),
          ...cpuCells(rawOne),
        ],
        [
          `raw INSERT, ${CLIENTS} clients`,
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
        [
          `API at ${formatNumber(steadyRate, 0)}/s, open loop`,
          String(total),
          formatNumber(steady.seconds),
          formatNumber(total / steady.seconds, 0),
          formatNumber(percentile(steady.latencies, 50)),
          formatNumber(percentile(steady.latencies, 99)),
          "—",
          "—",
          "—",
        ],
      ],
    );
    console.log(
      "CPU ms/msg: client = this process (the 100 client loops; for the raw rows, the inserts); server = Keel's " +
        "process; PG = the embedded PostgreSQL's processes; for the API, counted until the messages' reactions (run " +
        "after the answers) were all done" +
        (api.serverHelpersCpuMs === null
          ? ". "
          : ` (of the server's, its helper threads — V8 collecting garbage and compiling — ${formatNumber(api.serverHelpersCpuMs, 3)}). `) +
        (api.serverMain === null || api.machineIdle === null
          ? ""
          : `While the calls ran, the server's main thread was on a core ${formatNumber(api.serverMain.onCore * 100, 0)} % ` +
            `of the time and ready but waiting for one ${formatNumber(api.serverMain.waiting * 100, 0)} %; ` +
            `${formatNumber(api.machineIdle * 100, 0)} % of the machine's CPU time was idle. `) +
        `Load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}.`,
    );
    console.log(
      `Warm-up before the timed runs: ${WARM_UP_RAW} raw inserts; ${WARM_UP_API} API messages, the first ${CASES} ` +
        `opening their case's sender (${formatNumber(WARM_UP_API / warmUp.seconds, 0)} msg/s, p99 ` +
        `${formatNumber(percentile(warmUp.latencies, 99))} ms).`,
    );
    console.log(
      `${CLIENTS} concurrent clients in the bench process; ${stored} messages stored, ${failed} non-201 answers; ` +
        `their reactions (run after each commit) all done ${formatNumber(reactionsLagSeconds)} s after the last answer ` +
        `(stored and reacted to: ${formatNumber(total / (api.seconds + reactionsLagSeconds), 0)} msg/s).`,
    );
    console.log(
      `Open loop: as many messages due at a fixed ${formatNumber(steadyRate, 0)} msg/s (${formatNumber((steadyRate / apiRate) * 100, 0)} % ` +
        `of the closed loop's rate), each timed from when it was due; p99 ${formatNumber(percentile(steady.latencies, 99))} ms, ` +
        `slowest ${formatNumber(Math.max(...steady.latencies))} ms, the driver's start lag p99 ` +
        `${formatNumber(percentile(steady.startLags, 99))} ms; reactions all done ${formatNumber(steadyReactionsLag)} s ` +
        "after the last answer (a lag that grows with the run means they do not keep up at this rate).",
    );
    const ok = failed === 0 && stored === 2 * total;
    return [
      {
        section: "ingest",
        target: "every 201 stored",
        measured: `${stored}/${2 * total}, ${failed} failed`,
        verdict: verdictOf(ok),
      },
      {
        section: "ingest",
        target: `API ≥ ${TARGET_RATIO * 100} % of raw inserts (1 client)`,
        measured: `${formatNumber((apiRate / rawOneRate) * 100, 0)} % (${formatNumber((apiRate / rawRate) * 100, 0)} % of ${CLIENTS} clients')`,
        verdict: verdictOf(apiRate >= TARGET_RATIO * rawOneRate),
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
    await clients?.close();
    if (server !== null) {
      server.child.kill("SIGKILL");
      await exited(server.child);
    }
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
