/**
 * @module `npm run worker`: runs the background workers in their own process (several may run, on several
 * machines). They share jobs through PostgreSQL, so DATABASE_URL must name the server's database: the embedded
 * PostgreSQL belongs to the server process and cannot be shared.
 */
import { closeOnShutdownSignals, openDatabase } from "@keel/db";
import { systemClock } from "./clock.js";
import { readConfig } from "./config.js";
import { readEmailSettings } from "./features/email/email-settings.js";
import { PgBossJobs, registerWorkers } from "./jobs/index.js";

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.DATABASE_URL) {
    console.error(
      "keel worker: set DATABASE_URL to the PostgreSQL the server uses. Workers cannot share the embedded " +
        "database (it lives inside the server process); with the embedded database the server runs its workers itself.",
    );
    process.exit(2);
  }
  const opened = await openDatabase({ databaseUrl: config.DATABASE_URL });
  if (!opened.ok) {
    console.error(`keel worker: ${opened.error.message}`);
    process.exit(1);
  }
  const jobs = new PgBossJobs({ connectionString: opened.value.url });
  await jobs.start();
  await registerWorkers({ db: opened.value.db, clock: systemClock, jobs }, readEmailSettings());
  console.error("keel worker: running; stop with Ctrl+C");
  closeOnShutdownSignals(async () => {
    await jobs.stop();
    await opened.value.close();
  });
}

await main();
