/** @module What we can learn about another process by PID: alive or not, its start time, its command line. */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** True if a process with this PID exists and is not a zombie (a zombie holds no locks or sockets). */
export async function isProcessAlive(pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = await readProcStat(pid);
  return stat === null || stat.state !== "Z";
}

interface ProcStat {
  state: string;
  startTicks: string;
}

async function readProcStat(pid: number): Promise<ProcStat | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses; the fields after the last ')' are fixed.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const state = fields[0];
    const startTicks = fields[19];
    return state === undefined || startTicks === undefined ? null : { state, startTicks };
  } catch {
    return null;
  }
}

/**
 * An identity that survives PID reuse: the kernel's start time of the process where /proc exists, else null.
 * Two processes with the same PID and start time are the same process.
 */
export async function processStartTicks(pid: number): Promise<string | null> {
  return (await readProcStat(pid))?.startTicks ?? null;
}

/** The process's argument vector, or null when it cannot be read. */
export async function processCommandLine(pid: number): Promise<string[] | null> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return raw.split("\0").filter((part) => part.length > 0);
  } catch {
    // No /proc (macOS): ask ps. Arguments come back space-joined, which is enough for our checks.
    try {
      const { stdout } = await execFileAsync("ps", ["-o", "command=", "-p", String(pid)]);
      const line = stdout.trim();
      return line.length > 0 ? line.split(/\s+/) : null;
    } catch {
      return null;
    }
  }
}

/** Polls until the process has gone, up to timeoutMs; returns whether it did. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !(await isProcessAlive(pid));
}
