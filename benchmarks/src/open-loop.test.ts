import { describe, expect, it } from "vitest";
import { driveAtRate } from "./open-loop.js";

describe("driveAtRate", () => {
  it("makes every call once, none before it is due", async () => {
    const startedAt: number[] = [];
    const t0 = performance.now();
    const run = await driveAtRate(40, 2_000, async (i) => {
      startedAt[i] = performance.now() - t0;
    });
    expect(run.latencies).toHaveLength(40);
    expect(run.startLags).toHaveLength(40);
    // Call i is due at i / 2000 s = i / 2 ms; timers never fire early.
    startedAt.forEach((at, i) => {
      expect(at).toBeGreaterThanOrEqual(i / 2 - 0.01);
    });
    expect(run.startLags.every((lag) => lag >= 0)).toBe(true);
  });

  it("does not wait for an answer before starting the next call", async () => {
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const run = driveAtRate(10, 5_000, () => {
      inFlight++;
      most = Math.max(most, inFlight);
      return new Promise<void>((resolve) =>
        release.push(() => {
          inFlight--;
          resolve();
        }),
      );
    });
    // All ten are due within 2 ms; none is answered until all have started.
    while (release.length < 10) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(most).toBe(10);
    for (const done of release) done();
    const result = await run;
    // Latency counts from the due time, so the calls held open until now all count that wait.
    expect(Math.min(...result.latencies)).toBeGreaterThanOrEqual(0);
    expect(result.latencies).toHaveLength(10);
  });

  it("refuses a rate that is not above zero", async () => {
    await expect(driveAtRate(1, 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});
