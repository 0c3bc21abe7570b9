/** @module `exited`: waiting for a child process that may already be gone, however it ended. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { exited } from "./server-process.js";

const idleChild = () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });

/** Resolves with "timeout" if `promise` has not settled within `ms`. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);

describe("exited", () => {
  it("resolves for a child killed by SIGKILL whose exit was already reported", async () => {
    const child = idleChild();
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
    // Killed by a signal: no exit code, so code that only checks exitCode waits for an event that has passed.
    expect(child.exitCode).toBeNull();
    expect(await within(exited(child), 2_000)).toBeUndefined();
  });

  it("waits for a child still running, then resolves when it ends", async () => {
    const child = idleChild();
    const waiting = exited(child);
    expect(await within(waiting, 200)).toBe("timeout");
    child.kill("SIGTERM");
    expect(await within(waiting, 5_000)).toBeUndefined();
  });

  it("resolves for a child that exited on its own", async () => {
    const child = spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(child.exitCode).toBe(3);
    expect(await within(exited(child), 2_000)).toBeUndefined();
  });
});
