/**
 * @module Demo data for keeping customers informed: the demo cases still in progress get the acknowledgment they
 * would have had minutes after they were opened, and the progress check runs once so silent cases prompt their agent.
 */
import { randomBytes } from "node:crypto";
import { type Database, getAcknowledgment } from "@keel/db";
import { type Kysely, sql } from "kysely";
import { type Clock, ManualClock } from "../../clock.js";
import { readConfig, type ServerConfig } from "../../config.js";
import type { Jobs } from "../../jobs/jobs.js";
import { sendAcknowledgment } from "./acknowledge.js";
import { checkProgressUpdates } from "./progress-job.js";

/** How long after a demo case opened its acknowledgment is written. */
const ACK_DELAY_MS = 2 * 60_000;

export interface InformedDemoDeps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: Jobs;
  config?: ServerConfig | undefined;
}

/**
 * Seeding without the server's configuration (tests) signs links with a throwaway secret: they open nothing, and
 * nothing else depends on them.
 */
export function demoConfig(config: ServerConfig | undefined): ServerConfig {
  if (config?.KEEL_SECRET) return config;
  return { ...readConfig({}), KEEL_SECRET: randomBytes(32).toString("base64url") };
}

/**
 * Acknowledges the demo cases still waiting for their first reply, as the worker would have minutes after they
 * opened; returns how many. Cases already answered never get one (a reply beats an acknowledgment).
 */
export async function seedInformedDemo(deps: InformedDemoDeps): Promise<number> {
  const config = demoConfig(deps.config);
  // Opened when the customer's first message came in (demo threads are written with times in the past).
  const waiting = await deps.db
    .selectFrom("cases")
    .innerJoin("messages", "messages.case_id", "cases.id")
    .select((eb) => ["cases.id", eb.fn.min("messages.created_at").as("opened_at")])
    .where("cases.status", "in", ["new", "open", "pending_internal"])
    .groupBy("cases.id")
    .having(sql<number>`count(*) FILTER (WHERE messages.direction = 'outbound')`, "=", 0)
    .orderBy("opened_at")
    .execute();
  let acknowledged = 0;
  for (const kase of waiting) {
    const at = new Date(new Date(kase.opened_at).getTime() + ACK_DELAY_MS);
    if (await acknowledgeAt(deps, config, kase.id, at)) acknowledged++;
  }
  await checkProgressUpdates({ db: deps.db, clock: deps.clock });
  return acknowledged;
}

/** Writes a case's acknowledgment as of `at`; false when it already had one or needs none. */
export async function acknowledgeAt(
  deps: Pick<InformedDemoDeps, "db" | "jobs">,
  config: ServerConfig,
  caseId: string,
  at: Date,
): Promise<boolean> {
  if (await getAcknowledgment(deps.db, caseId)) return false;
  const clock = new ManualClock(at);
  const sent = await sendAcknowledgment({ db: deps.db, clock, jobs: deps.jobs, config }, caseId);
  return sent.ok && sent.value.sent;
}
