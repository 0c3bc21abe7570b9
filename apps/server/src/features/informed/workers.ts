/** @module The informed feature's workers: acknowledgments of new cases and the progress-update check. */
import { readConfig, type ServerConfig } from "../../config.js";
import type { AppDeps } from "../../deps.js";
import { ACKNOWLEDGE_QUEUE, sendAcknowledgment } from "./acknowledge.js";
import { checkProgressUpdates, PROGRESS_CHECK_QUEUE } from "./progress-job.js";

/** `config` is there when workers run in the server; a separate worker process reads its own environment. */
export async function registerInformedWorkers(
  deps: Pick<AppDeps, "db" | "clock" | "jobs"> & { config?: ServerConfig },
  log: (line: string) => void,
): Promise<void> {
  const { db, clock, jobs } = deps;
  const config = deps.config ?? readConfig();
  if (!config.KEEL_SECRET)
    log("acknowledgments: set KEEL_SECRET (the server's) so their portal links can be signed");
  await jobs.work<{ caseId: string }>(ACKNOWLEDGE_QUEUE, async (job) => {
    const sent = await sendAcknowledgment({ db, clock, jobs, config }, job.caseId);
    if (!sent.ok) log(`acknowledgment: case ${job.caseId}: ${sent.error.message}`);
  });
  await jobs.work(PROGRESS_CHECK_QUEUE, async () => {
    const report = await checkProgressUpdates({ db, clock });
    if (report.prompted.length > 0) log(`progress updates: ${report.prompted.length} agents prompted`);
  });
}
