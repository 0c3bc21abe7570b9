/** @module The data directory lock: taken, refused while its owner lives, taken over once the owner is gone. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, LOCK_FILE_NAME } from "./data-dir-lock.js";

/** The PID of a process that has already exited. */
const deadPid = () => spawnSync("true").pid ?? 999_999;

describe("acquireDataDirLock", () => {
  let dir: string;
  let sleeper: ChildProcess;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "keel-lock-"));
    sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  });
  afterAll(async () => {
    sleeper.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("writes this process's PID and removes the file on release", async () => {
    const lock = await acquireDataDirLock(dir);
    if (!lock.ok) throw new Error(lock.error.message);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.value.release();
    await expect(stat(join(dir, LOCK_FILE_NAME))).rejects.toThrow();
  });

  it("refuses while held — by this process or another live one — naming the directory", async () => {
    const held = await acquireDataDirLock(dir);
    if (!held.ok) throw new Error(held.error.message);
    const second = await acquireDataDirLock(dir);
    expect(second.ok ? null : second.error).toEqual({
      code: "data_dir_locked",
      message: expect.stringContaining(
        `Another Keel (this process) is already using the data directory ${dir}`,
      ),
    });
    await held.value.release();

    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: sleeper.pid, startTicks: null }));
    const other = await acquireDataDirLock(dir);
    expect(other.ok ? null : other.error.message).toContain(`process ${sleeper.pid}`);
  });

  it("takes over a lock whose owner is dead, half-written, or a reused PID", async () => {
    for (const content of [
      JSON.stringify({ pid: deadPid(), startTicks: null }),
      "{",
      JSON.stringify({ pid: sleeper.pid, startTicks: "1" }),
    ]) {
      await writeFile(join(dir, LOCK_FILE_NAME), content);
      const lock = await acquireDataDirLock(dir);
      expect(lock.ok).toBe(true);
      if (lock.ok) await lock.value.release();
    }
  });
});
