/** @module A fixed-window limiter per client address for the public form; in memory, so per server process. */
import type { Clock } from "../../clock.js";

export class WindowRateLimiter {
  readonly #hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a request; false when the client is over its allowance for this window. */
  allow(client: string): boolean {
    const now = this.clock.now().getTime();
    const entry = this.#hits.get(client);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.#hits.size > 10_000) this.#evict(now);
      this.#hits.set(client, { windowStart: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }

  #evict(now: number): void {
    for (const [client, entry] of this.#hits) {
      if (now - entry.windowStart >= this.windowMs) this.#hits.delete(client);
    }
  }
}
