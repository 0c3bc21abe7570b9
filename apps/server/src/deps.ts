/** @module What every feature receives: the database, the clock, configuration, jobs and a logger. */
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";
import type { Clock } from "./clock.js";
import type { ServerConfig } from "./config.js";
import type { SlaTargets } from "./features/cases/sla.js";
import type { Jobs } from "./jobs/jobs.js";

export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: ServerConfig;
  jobs: Jobs;
  /** SLA targets per priority (KEEL_SLA_TARGETS); the defaults when absent. */
  slaTargets?: SlaTargets;
}
