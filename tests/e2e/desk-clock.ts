/**
 * @module Time travel for the e2e flow. A follow-up falls due days after a case is resolved; rather than wait, the
 * spec runs the desk's own follow-up sender (the periodic job's function, from the built server) against the
 * running Keel's database with a clock that many days ahead. Nothing else about the server changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "@keel/db";
import { readConfig } from "@keel/server/dist/src/config.js";
import { sendDueFollowups } from "@keel/server/dist/src/features/followups/service.js";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { DATA_DIR_ENV } from "./global-setup.js";

const DAY_MS = 86_400_000;

/** The running Keel's embedded database: port from the postmaster's pid file, password kept beside the cluster. */
function databaseUrl(dataDir: string): string {
  const port = readFileSync(join(dataDir, "pg", "postmaster.pid"), "utf8")
    .split("\n")[3]
    ?.trim();
  const password = readFileSync(join(dataDir, "pg-password"), "utf8").trim();
  if (!port) throw new Error(`no port in ${join(dataDir, "pg", "postmaster.pid")}`);
  return `postgres://keel:${encodeURIComponent(password)}@127.0.0.1:${port}/keel`;
}

/** Sends every follow-up that would be due `days` from now; returns how many were sent. */
export async function sendFollowupsDueIn(days: number): Promise<number> {
  const dataDir = process.env[DATA_DIR_ENV];
  if (!dataDir)
    throw new Error(`${DATA_DIR_ENV} is not set: run through playwright.config.ts (global setup).`);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl(dataDir), max: 2 }) }),
  });
  try {
    const secret = readFileSync(join(dataDir, "secret"), "utf8").trim();
    const report = await sendDueFollowups({
      db,
      clock: { now: () => new Date(Date.now() + days * DAY_MS) },
      // Webhook events are left out: the demo desk has no subscribers.
      jobs: { send: async () => null, work: async () => undefined, stop: async () => undefined },
      config: readConfig({ KEEL_SECRET: secret, KEEL_DATA_DIR: dataDir }),
    });
    return report.sent.length;
  } finally {
    await db.destroy();
  }
}
