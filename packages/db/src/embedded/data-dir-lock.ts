/** @module One Keel per data directory: a lock file naming its owner's PID, taken over only when that owner is gone. */
import { open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { type DbResult, fail, ok } from "../result.js";
import { isProcessAlive, processStartTicks } from "./process-info.js";

export const LOCK_FILE_NAME = "keel.lock";

interface LockOwner {
  pid: number;
  /** Kernel start time of the owner, so a reused PID is not mistaken for the owner. */
  startTicks: string | null;
}

export interface DataDirLock {
  path: string;
  release(): Promise<void>;
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { pid, startTicks } = parsed as Record<string, unknown>;
    if (typeof pid !== "number") return null;
    return { pid, startTicks: typeof startTicks === "string" ? startTicks : null };
  } catch {
    // Unreadable or half-written (the owner died while writing it): nobody holds it.
    return null;
  }
}

async function ownerIsAlive(owner: LockOwner): Promise<boolean> {
  if (!(await isProcessAlive(owner.pid))) return false;
  if (owner.startTicks === null) return true;
  const current = await processStartTicks(owner.pid);
  return current === null || current === owner.startTicks;
}

/**
 * Takes the data directory's lock for this process. A lock left by a process that no longer runs is
 * taken over; a lock held by a running process (this one included) is refused with a message that says what to do.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DbResult<DataDirLock>> {
  const path = join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, startTicks: await processStartTicks(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx", 0o644);
      try {
        await handle.writeFile(`${JSON.stringify(me)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return ok({ path, release: () => releaseIfOurs(path, me) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        return fail("start_failed", `cannot create lock file ${path}: ${(error as Error).message}`);
      }
    }
    const owner = await readOwner(path);
    if (owner !== null && (await ownerIsAlive(owner))) {
      const who = owner.pid === process.pid ? "this process" : `process ${owner.pid}`;
      return fail(
        "data_dir_locked",
        `Another Keel (${who}) is already using the data directory ${dataDir}. ` +
          "Stop it first, or give this one its own data directory.",
      );
    }
    // Known gap: two Keels taking over the same stale lock at the same instant could both succeed (each unlinks
    // and recreates). Starting two Keels on one directory within milliseconds of each other is not a case we guard.
    await unlink(path).catch(() => undefined);
  }
  return fail("data_dir_locked", `could not take the lock ${path}: it keeps reappearing`);
}

async function releaseIfOurs(path: string, me: LockOwner): Promise<void> {
  const owner = await readOwner(path);
  if (owner?.pid === me.pid && owner.startTicks === me.startTicks) await unlink(path).catch(() => undefined);
}
