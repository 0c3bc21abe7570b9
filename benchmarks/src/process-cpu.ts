/**
 * @module CPU time of a process tree (the embedded PostgreSQL: postmaster and backends) read from /proc, so the ingest
 * bench can show the database's CPU per message next to its own — figures other load on the machine barely moves.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number, path = `/proc/${pid}/stat`): Stat | undefined {
  try {
    const text = readFileSync(path, "utf8");
    // The command name is in parentheses and may contain spaces: fields are counted after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** Milliseconds of CPU used so far by `root` and every live descendant; null where /proc is not available. */
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
    ticks += stats.get(pid)?.cpuTicks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Milliseconds of CPU used so far by a process's main thread (the one whose id is the process's) and by all its
 * other threads together (for Node: V8's helpers, which collect garbage and compile, and libuv's pool); null where
 * /proc is not available.
 */
export function threadsCpuMs(pid: number): { main: number; others: number } | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let main = 0;
  let others = 0;
  for (const tid of tids) {
    const ticks = readStat(Number(tid), `/proc/${pid}/task/${tid}/stat`)?.cpuTicks ?? 0;
    if (Number(tid) === pid) main += ticks;
    else others += ticks;
  }
  return { main: (main * 1000) / TICKS_PER_SECOND, others: (others * 1000) / TICKS_PER_SECOND };
}
