/** @module Clears what a killed Keel leaves behind in the cluster directory: a stale postmaster.pid or an orphaned server. */
import { readFile, realpath, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { isProcessAlive, processCommandLine, waitForExit } from "./process-info.js";

export type StaleOutcome =
  | { kind: "none" }
  | { kind: "stale_pid_file"; pid: number }
  | { kind: "removed_reused_pid_file"; pid: number }
  | { kind: "stopped_orphan"; pid: number }
  | { kind: "orphan_would_not_stop"; pid: number };

/** The postmaster's PID, from the first line of postmaster.pid; null when there is no file. */
export async function readPostmasterPid(clusterDir: string): Promise<number | null> {
  try {
    const first = (await readFile(join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0] ?? "";
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function isPostgresFor(pid: number, clusterDir: string): Promise<boolean> {
  const argv = await processCommandLine(pid);
  if (argv === null || argv[0] === undefined || basename(argv[0]) !== "postgres") return false;
  const dir = await realpath(clusterDir).catch(() => clusterDir);
  return argv.some((arg) => arg === dir || arg === clusterDir);
}

/**
 * Must be called while holding the data directory lock: then no running Keel owns this cluster, so a live
 * postgres on it is an orphan of a Keel that was killed, and it is shut down (fast, then immediate, then
 * killed) rather than reused — its port and lifetime belong to nobody.
 */
export async function clearStalePostmaster(clusterDir: string): Promise<StaleOutcome> {
  const pidFile = join(clusterDir, "postmaster.pid");
  const pid = await readPostmasterPid(clusterDir);
  if (pid === null) return { kind: "none" };
  if (!(await isProcessAlive(pid))) {
    // Left in place on purpose: postgres replaces a dead owner's file itself, after checking through the
    // shared-memory key recorded in it that no backend of the dead server is still attached.
    return { kind: "stale_pid_file", pid };
  }
  if (!(await isPostgresFor(pid, clusterDir))) {
    // The PID now belongs to an unrelated process; postgres would refuse to start, so the file goes.
    await unlink(pidFile).catch(() => undefined);
    return { kind: "removed_reused_pid_file", pid };
  }
  for (const [signal, waitMs] of [
    ["SIGINT", 15_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForExit(pid, waitMs)) break;
  }
  if (await isProcessAlive(pid)) return { kind: "orphan_would_not_stop", pid };
  // A fast or immediate shutdown removes the file itself; after SIGKILL it is left behind.
  await unlink(pidFile).catch(() => undefined);
  return { kind: "stopped_orphan", pid };
}
