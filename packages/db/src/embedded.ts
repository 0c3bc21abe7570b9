/** @module The default database: a real PostgreSQL 15 started and stopped with Keel, data kept in a local directory. */
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { chmod, mkdir, stat } from "node:fs/promises";
import { platform } from "node:os";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { ensureCluster, readPassword, SUPERUSER } from "./embedded/cluster.js";
import { acquireDataDirLock } from "./embedded/data-dir-lock.js";
import { freeLocalPort } from "./embedded/free-port.js";
import { findPostgresBinaries } from "./embedded/postgres-binaries.js";
import { canEnter, postgresRunAs, type RunAs } from "./embedded/run-as.js";
import { clearStalePostmaster } from "./embedded/stale-postmaster.js";
import { type DbResult, fail, ok } from "./result.js";

export interface EmbeddedOptions {
  /** Keel's data directory; the cluster lives in `<dataDir>/pg`. Default `./data`. */
  dataDir?: string;
  /** Receives every line PostgreSQL and Keel's supervision of it write. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://keel:…@localhost/postgres?host=<socket directory>&port=<port> (or @127.0.0.1:<port> over TCP) */
  url: string;
  port: number;
  dataDir: string;
  /** The postmaster's PID (tests use it to simulate crashes). */
  pid: number;
  /** Whether this start ran initdb. */
  created: boolean;
  /** Fast shutdown (SIGINT); escalates if the server does not stop. Safe to call twice. */
  stop(): Promise<void>;
}

type PostgresProcess = ChildProcessByStdio<null, Readable, Readable>;

// Sized for a desktop or a small server: bounded shared memory and connections, full durability.
const SERVER_SETTINGS = {
  listen_addresses: "127.0.0.1",
  unix_socket_directories: "",
  max_connections: "40",
  shared_buffers: "64MB",
  work_mem: "8MB",
  // The data sits on a local disk and mostly in memory: an index probe costs about what a sequential page does.
  // With the default (4), the planner scanned small tables whole for every row of a batch's lookups (the
  // escalation check of 32 cases: 1.7 -> 0.9 ms).
  random_page_cost: "1.1",
  maintenance_work_mem: "64MB",
  max_wal_size: "512MB",
  max_worker_processes: "4",
  max_parallel_workers: "2",
  huge_pages: "off",
  fsync: "on",
  synchronous_commit: "on",
  full_page_writes: "on",
  lc_messages: "C",
  timezone: "UTC",
  // After a crash, one syncfs() of the data directory instead of an fsync() per file: seconds faster to recover.
  ...(platform() === "linux" ? { recovery_init_sync_method: "syncfs" } : {}),
};
const READY = "database system is ready to accept connections";

/** Longest path of a Unix socket on Linux and macOS, less the socket's own name (`/.s.PGSQL.65535`). */
const MAX_SOCKET_DIR = 107 - "/.s.PGSQL.65535".length;

/**
 * Where the server also listens on a Unix socket: its own data directory, when the path is short enough for a socket
 * name. A query over a local socket costs the client about a third less CPU than over TCP on the loopback (measured
 * here with node-postgres), and Keel sends several per message. "" (TCP only) when the path is too long.
 */
export function socketDirectoryFor(clusterDir: string): string {
  return platform() !== "win32" &&
    Buffer.byteLength(clusterDir) <= MAX_SOCKET_DIR &&
    !/[\s,'"\\]/.test(clusterDir)
    ? clusterDir
    : "";
}

/** The URL clients use: through the Unix socket when there is one, else TCP on the loopback. */
export function embeddedUrl(password: string, clusterDir: string, port: number): string {
  const credentials = `${SUPERUSER}:${encodeURIComponent(password)}`;
  const socketDir = socketDirectoryFor(clusterDir);
  return socketDir === ""
    ? `postgres://${credentials}@127.0.0.1:${port}/postgres`
    : `postgres://${credentials}@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`;
}
const RETRYABLE = [/pre-existing shared memory block/, /could not bind/, /Address already in use/];
const START_ATTEMPTS = 8;

/** Starts (initialising on first use) the embedded server; refuses if another Keel uses the same directory. */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions = {},
): Promise<DbResult<EmbeddedPostgres>> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir ?? "data");
  const clusterDir = join(dataDir, "pg");
  const binaries = await findPostgresBinaries();
  if (binaries === null) return fail("start_failed", "no embedded PostgreSQL binaries for this platform");
  const user = await postgresRunAs();
  if (!user.ok) return fail("start_failed", user.message);

  await mkdir(dataDir, { recursive: true });
  const locked = await acquireDataDirLock(dataDir);
  if (!locked.ok) return locked;
  const lock = locked.value;
  try {
    // The unprivileged server user must be able to reach its cluster directory.
    if (user.runAs !== null) {
      await chmod(dataDir, (await stat(dataDir)).mode | 0o111);
      if (!(await canEnter(dataDir, user.runAs))) {
        await lock.release();
        return fail(
          "start_failed",
          `PostgreSQL runs as the "postgres" user (Keel runs as root) and cannot enter ${dataDir}: ` +
            "every directory above it must be searchable by others (chmod o+x), or choose another data directory.",
        );
      }
    }
    const stale = await clearStalePostmaster(clusterDir);
    if (stale.kind === "stale_pid_file") log(`postmaster.pid names PID ${stale.pid}, which is gone: stale`);
    if (stale.kind === "removed_reused_pid_file")
      log(`removed postmaster.pid: PID ${stale.pid} is not PostgreSQL`);
    if (stale.kind === "stopped_orphan")
      log(`stopped PostgreSQL (PID ${stale.pid}) left running by a previous Keel`);
    if (stale.kind === "orphan_would_not_stop") {
      await lock.release();
      return fail(
        "start_failed",
        `PostgreSQL PID ${stale.pid} still runs on ${clusterDir} and would not stop`,
      );
    }
    const cluster = await ensureCluster({
      dataDir,
      clusterDir,
      initdb: binaries.initdb,
      runAs: user.runAs,
      log,
    });
    if (!cluster.ok) {
      await lock.release();
      return cluster;
    }
    const password = (await readPassword(dataDir)) ?? "";
    const started = await startWithRetries(binaries.postgres, clusterDir, user.runAs, log);
    if (!started.ok) {
      await lock.release();
      return started;
    }
    const { child, port } = started.value;
    // Safety net if Keel exits without stopping the server (process.exit, a crash): ask for a fast shutdown
    // synchronously on the way out, so no orphan is left for the next start to clean up.
    const stopOnExit = () => child.kill("SIGINT");
    process.once("exit", stopOnExit);
    return ok({
      url: embeddedUrl(password, clusterDir, port),
      port,
      dataDir,
      pid: child.pid ?? 0,
      created: cluster.value.created,
      stop: once(async () => {
        process.off("exit", stopOnExit);
        await stopChild(child);
        await lock.release();
      }),
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startWithRetries(
  postgres: string,
  clusterDir: string,
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<DbResult<{ child: PostgresProcess; port: number }>> {
  let lastOutput = "";
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freeLocalPort();
    const attemptResult = await startOnce(postgres, clusterDir, port, runAs, log);
    if (attemptResult.ok) return ok({ child: attemptResult.child, port });
    lastOutput = attemptResult.output;
    // Backends of a killed server may hold shared memory for a moment; a probed port may be taken meanwhile.
    if (!RETRYABLE.some((pattern) => pattern.test(lastOutput))) break;
    await new Promise((r) => setTimeout(r, 250 * attempt));
  }
  return fail(
    "start_failed",
    `PostgreSQL did not start: ${lastOutput.trim().split("\n").slice(-8).join("\n")}`,
  );
}

function startOnce(
  postgres: string,
  clusterDir: string,
  port: number,
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<{ ok: true; child: PostgresProcess } | { ok: false; output: string }> {
  const args = ["-D", clusterDir, "-p", String(port)];
  const settings = { ...SERVER_SETTINGS, unix_socket_directories: socketDirectoryFor(clusterDir) };
  for (const [name, value] of Object.entries(settings)) args.push("-c", `${name}=${value}`);
  return new Promise((done) => {
    // Own process group: a Ctrl-C in the terminal reaches Keel only, which then stops the server in order.
    const child = spawn(postgres, args, {
      ...(runAs ?? {}),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    let ready = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      for (const line of text.split("\n")) if (line.trim()) log(line);
      if (ready) return;
      output = (output + text).slice(-8000);
      if (output.includes(READY)) {
        ready = true;
        done({ ok: true, child });
      }
    };
    // Both pipes are always drained: a full pipe would block the server.
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => {
      if (!ready) done({ ok: false, output: `${output}\n${error.message}` });
    });
    child.on("exit", (code, signal) => {
      if (!ready) done({ ok: false, output: `${output}\n(exit ${code ?? signal})` });
      else log(`PostgreSQL exited (${code ?? signal})`);
    });
  });
}

async function stopChild(child: PostgresProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  for (const [signal, waitMs] of [
    ["SIGINT", 20_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    child.kill(signal);
    const stopped = await Promise.race([exited.then(() => true), sleep(waitMs).then(() => false)]);
    if (stopped) return;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
