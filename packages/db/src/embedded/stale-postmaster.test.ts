/** @module What a killed Keel leaves in the cluster directory, short of a running server (see embedded.test.ts). */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearStalePostmaster, readPostmasterPid } from "./stale-postmaster.js";

describe("clearStalePostmaster", () => {
  let dir: string;
  let sleeper: ChildProcess;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "keel-pm-"));
    sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  });
  afterAll(async () => {
    sleeper.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });
  const pidFile = () => join(dir, "postmaster.pid");

  it("does nothing without a postmaster.pid", async () => {
    expect(await readPostmasterPid(dir)).toBeNull();
    expect(await clearStalePostmaster(dir)).toEqual({ kind: "none" });
  });

  it("leaves a dead server's file for postgres to replace after its shared-memory check", async () => {
    const dead = spawnSync("true").pid ?? 999_999;
    await writeFile(pidFile(), `${dead}\n${dir}\n`);
    expect(await clearStalePostmaster(dir)).toEqual({ kind: "stale_pid_file", pid: dead });
    await stat(pidFile());
  });

  it("removes the file when its PID now belongs to a process that is not this cluster's postgres", async () => {
    await writeFile(pidFile(), `${sleeper.pid}\n${dir}\n`);
    expect(await clearStalePostmaster(dir)).toEqual({ kind: "removed_reused_pid_file", pid: sleeper.pid });
    await expect(stat(pidFile())).rejects.toThrow();
  });
});
