/**
 * @module CPU time of a process tree (the embedded PostgreSQL: postmaster and backends) read from /proc, so the ingest
 * bench can show the database's CPU per message next to its own — figures other load on the machine barely moves.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  /** The process's own CPU time (user and system). */
  cpuTicks: number;
  /** The CPU time of its children that exited and were reaped, theirs included: gone from /proc, counted here. */
  reapedTicks: number;
}

function readStat(pid: number, path = `/proc/${pid}/stat`): Stat | undefined {
  try {
    const text = readFileSync(path, "utf8");
    // The command name is in parentheses and may contain spaces: fields are counted after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      reapedTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

/**
 * Milliseconds of CPU used so far by `root` and its descendants, those that have exited included (a PostgreSQL backend
 * that closes takes its CPU time to the postmaster's reaped-children count); null where /proc is not available.
 */
export function treeCpuMs(root: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const stats = new Map<number, Stat>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  if (!stats.has(root)) return null;
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let ticks = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    const stat = stats.get(pid);
    ticks += (stat?.cpuTicks ?? 0) + (stat?.reapedTicks ?? 0);
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Milliseconds of CPU used so far by a process's threads other than its main one (the one whose id is the
 * process's): for Node, V8's helpers, which collect garbage and compile, and libuv's pool. Null where /proc is not
 * available.
 */
export function helperThreadsCpuMs(pid: number): number | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let ticks = 0;
  for (const tid of tids) {
    if (Number(tid) !== pid) ticks += readStat(Number(tid), `/proc/${pid}/task/${tid}/stat`)?.cpuTicks ?? 0;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The machine's CPU time in the first line of /proc/stat, all cores summed, in milliseconds; null if not that line. */
export function parseMachineCpu(line: string): { idle: number; busy: number } | null {
  if (!line.startsWith("cpu ")) return null;
  // user nice system idle iowait irq softirq steal (guest time is counted inside user already)
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 5 || ticks.some(Number.isNaN)) return null;
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const busy = ticks.reduce((sum, t) => sum + t, 0) - idle;
  return { idle: (idle * 1000) / TICKS_PER_SECOND, busy: (busy * 1000) / TICKS_PER_SECOND };
}

/**
 * The machine's CPU time so far, all cores summed, in milliseconds: idle (waiting for I/O included) and busy; null
 * where /proc is not available.
 */
export function machineCpuMs(): { idle: number; busy: number } | null {
  try {
    return parseMachineCpu(readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "");
  } catch {
    return null;
  }
}

/**
 * A thread's schedstat (nanoseconds on a core, nanoseconds runnable but waiting for one, time slices) in
 * milliseconds; null if not that shape.
 */
export function parseSchedstat(text: string): { onCpu: number; waiting: number } | null {
  const [onCpu, waiting] = text.trim().split(" ").map(Number);
  if (onCpu === undefined || waiting === undefined || Number.isNaN(onCpu) || Number.isNaN(waiting))
    return null;
  return { onCpu: onCpu / 1e6, waiting: waiting / 1e6 };
}

/**
 * Milliseconds a process's main thread has spent on a core, and runnable but waiting for one, so far (Linux's
 * schedstat). Null where schedstat is not available.
 */
export function mainThreadSchedMs(pid: number): { onCpu: number; waiting: number } | null {
  try {
    return parseSchedstat(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8"));
  } catch {
    return null;
  }
}
