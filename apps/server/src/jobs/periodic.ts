/**
 * @module Periodic checks (SLA, promise reminders, follow-ups…): the server queues each one as a singleton every
 * period, so several servers run one check per period; whichever process runs workers carries it out.
 */
import { FOLLOWUP_CHECK_EVERY_MS, FOLLOWUP_CHECK_QUEUE } from "../features/followups/send-job.js";
import { PROGRESS_CHECK_EVERY_MS, PROGRESS_CHECK_QUEUE } from "../features/informed/progress-job.js";
import { PROMISE_CHECK_EVERY_MS, PROMISE_CHECK_QUEUE } from "../features/promises/promise-job.js";
import { SLA_CHECK_EVERY_MS, SLA_CHECK_QUEUE } from "../features/sla/sla-job.js";
import { IDEMPOTENCY_EXPIRY_EVERY_MS, IDEMPOTENCY_EXPIRY_QUEUE } from "../http/idempotency-expiry.js";
import { RATE_LIMIT_PRUNE_EVERY_MS, RATE_LIMIT_PRUNE_QUEUE } from "../http/rate-limit-prune.js";
import { DUE_REACTIONS_EVERY_MS, DUE_REACTIONS_QUEUE } from "../reactions/deferred.js";
import type { Jobs } from "./jobs.js";

export interface PeriodicCheck {
  queue: string;
  everyMs: number;
}

/** Features add their check here; its worker is registered in `registerWorkers`. */
export const PERIODIC_CHECKS: readonly PeriodicCheck[] = [
  { queue: SLA_CHECK_QUEUE, everyMs: SLA_CHECK_EVERY_MS },
  { queue: PROMISE_CHECK_QUEUE, everyMs: PROMISE_CHECK_EVERY_MS },
  { queue: PROGRESS_CHECK_QUEUE, everyMs: PROGRESS_CHECK_EVERY_MS },
  { queue: FOLLOWUP_CHECK_QUEUE, everyMs: FOLLOWUP_CHECK_EVERY_MS },
  { queue: IDEMPOTENCY_EXPIRY_QUEUE, everyMs: IDEMPOTENCY_EXPIRY_EVERY_MS },
  { queue: RATE_LIMIT_PRUNE_QUEUE, everyMs: RATE_LIMIT_PRUNE_EVERY_MS },
  { queue: DUE_REACTIONS_QUEUE, everyMs: DUE_REACTIONS_EVERY_MS },
];

export async function queuePeriodicCheck(jobs: Jobs, check: PeriodicCheck): Promise<void> {
  await jobs.send(check.queue, {}, { singletonKey: check.queue, retryLimit: 0 });
}

/** Starts one timer per check (and queues each once now); returns the function that stops them. */
export function startPeriodicChecks(
  jobs: Jobs,
  log: (line: string) => void,
  checks: readonly PeriodicCheck[] = PERIODIC_CHECKS,
): () => void {
  const timers = checks.map((check) => {
    const tick = () =>
      void queuePeriodicCheck(jobs, check).catch((error: Error) => log(`${check.queue}: ${error.message}`));
    const timer = setInterval(tick, check.everyMs);
    timer.unref();
    tick();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
