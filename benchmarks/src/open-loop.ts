/**
 * @module An open-loop load: calls started on a fixed schedule, whatever the answers before them did, as customers'
 * messages arrive at a desk. A closed loop (each client waiting for its answer before sending again) measures the
 * desk at saturation, where the latency is the number of clients over the rate; this measures a desk below it. Each
 * call's latency counts from when it was due, so a call held back by the client (all connections busy) or by a slow
 * start counts that wait too.
 */

export interface OpenLoopRun {
  /** From the first call's due time until the last answer. */
  seconds: number;
  /** Milliseconds from each call's due time to its answer, in the order the answers came. */
  latencies: number[];
  /** How late each call was started after its due time (ms), in call order: the driver's own lag. */
  startLags: number[];
}

/** Calls `task(i)` for i = 0 … total−1, call i due `i / ratePerSecond` seconds after the start. */
export async function driveAtRate(
  total: number,
  ratePerSecond: number,
  task: (i: number) => Promise<void>,
): Promise<OpenLoopRun> {
  if (!(ratePerSecond > 0) || !Number.isInteger(total) || total < 0)
    throw new RangeError("driveAtRate needs a whole number of calls and a rate above 0");
  const latencies: number[] = [];
  const startLags: number[] = [];
  const calls: Array<Promise<void>> = [];
  const started = performance.now();
  const dueAt = (i: number) => started + (i * 1000) / ratePerSecond;
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Every call due by now starts now: a timer that fires late makes a burst, as a backlog of customers would.
    while (next < total && dueAt(next) <= now) {
      const i = next++;
      const due = dueAt(i);
      startLags[i] = now - due;
      calls.push(task(i).then(() => void latencies.push(performance.now() - due)));
    }
    if (next < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt(next) - now)));
  }
  await Promise.all(calls);
  return { seconds: (performance.now() - started) / 1000, latencies, startLags };
}
