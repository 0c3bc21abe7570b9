/** @module The follow-up worker: the periodic check that sends due follow-ups. */
import { readConfig, type ServerConfig } from "../../config.js";
import type { AppDeps } from "../../deps.js";
import { FOLLOWUP_CHECK_QUEUE, sendDueFollowups } from "./send-job.js";

/** `config` is there when workers run in the server; a separate worker process reads its own environment. */
export async function registerFollowupWorkers(
  deps: Pick<AppDeps, "db" | "clock" | "jobs"> & { config?: ServerConfig },
  log: (line: string) => void,
): Promise<void> {
  const { db, clock, jobs } = deps;
  const config = deps.config ?? readConfig();
  if (!config.KEEL_SECRET)
    log("follow-ups: set KEEL_SECRET (the server's) so their portal links can be signed");
  await jobs.work(FOLLOWUP_CHECK_QUEUE, async () => {
    const report = await sendDueFollowups({ db, clock, jobs, config });
    if (report.sent.length > 0) log(`follow-ups: ${report.sent.length} sent`);
  });
}
