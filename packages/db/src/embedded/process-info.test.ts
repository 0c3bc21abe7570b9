/** @module Process facts by PID: liveness (zombies count as gone), start time, command line. */
import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessAlive, processCommandLine, processStartTicks, waitForExit } from "./process-info.js";

describe("process info", () => {
  it("sees this process alive and an exited one gone", async () => {
    expect(await isProcessAlive(process.pid)).toBe(true);
    expect(await isProcessAlive(spawnSync("true").pid ?? 0)).toBe(false);
    expect(await isProcessAlive(0)).toBe(false);
    expect(await isProcessAlive(-1)).toBe(false);
  });

  it("gives a stable start time and the command line", async () => {
    const first = await processStartTicks(process.pid);
    expect(first).toEqual(await processStartTicks(process.pid));
    const argv = await processCommandLine(process.pid);
    expect(argv?.[0]).toMatch(/node/);
  });

  it("waits for a process to exit, or times out", async () => {
    const child = spawn("sleep", ["30"], { stdio: "ignore" });
    const pid = child.pid ?? 0;
    expect(await waitForExit(pid, 100)).toBe(false);
    child.kill("SIGKILL");
    expect(await waitForExit(pid, 5_000)).toBe(true);
  });
});
