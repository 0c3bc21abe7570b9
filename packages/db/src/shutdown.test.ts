/** @module Shutdown on signals: close runs once, then exit; a second signal exits at once. */
import { afterEach, describe, expect, it } from "vitest";
import { closeOnShutdownSignals } from "./shutdown.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("closeOnShutdownSignals", () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it("runs close once on SIGTERM, then exits 0", async () => {
    const calls: string[] = [];
    uninstall = closeOnShutdownSignals(
      async () => {
        calls.push("close");
      },
      { signals: ["SIGUSR2"], exit: (code) => calls.push(`exit ${code}`) },
    );
    process.emit("SIGUSR2", "SIGUSR2");
    await settle();
    expect(calls).toEqual(["close", "exit 0"]);
  });

  it("exits 1 at once on a second signal while closing, and 1 if close fails", async () => {
    const exits: number[] = [];
    let finish: () => void = () => undefined;
    uninstall = closeOnShutdownSignals(() => new Promise<void>((resolve) => (finish = resolve)), {
      signals: ["SIGUSR2"],
      exit: (code) => exits.push(code),
    });
    process.emit("SIGUSR2", "SIGUSR2");
    process.emit("SIGUSR2", "SIGUSR2");
    expect(exits).toEqual([1]);
    finish();
    await settle();
    uninstall();

    const failing: number[] = [];
    uninstall = closeOnShutdownSignals(() => Promise.reject(new Error("pool stuck")), {
      signals: ["SIGUSR2"],
      exit: (code) => failing.push(code),
    });
    process.emit("SIGUSR2", "SIGUSR2");
    await settle();
    expect(failing).toEqual([1]);
  });

  it("removes its handlers when uninstalled", () => {
    const before = process.listenerCount("SIGUSR2");
    const remove = closeOnShutdownSignals(async () => undefined, {
      signals: ["SIGUSR2"],
      exit: () => undefined,
    });
    expect(process.listenerCount("SIGUSR2")).toBe(before + 1);
    remove();
    expect(process.listenerCount("SIGUSR2")).toBe(before);
  });
});
