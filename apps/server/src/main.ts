/**
 * @module `npm start`: opens (or creates) the database, seeds the demo once, starts channels and workers, serves the
 * API. Stops cleanly on SIGINT/SIGTERM: the HTTP server first, then channels, jobs, and the database.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { closeOnShutdownSignals, openDatabase } from "@keel/db";
import { buildApp } from "./app.js";
import { systemClock } from "./clock.js";
import { readConfig, type ServerConfig } from "./config.js";
import { DEMO_LOGINS } from "./demo/people.js";
import { seedDemo } from "./demo/seed.js";
import { parseSlaTargets } from "./features/cases/sla.js";
import { type Channels, startChannels } from "./features/email/index.js";
import { PgBossJobs } from "./jobs/pg-boss-jobs.js";

const say = (line: string) => console.log(`keel: ${line}`);

/** The configured secret, or one generated once and kept in the data directory (so sessions survive restarts). */
function ensureSecret(config: ServerConfig): string {
  if (config.KEEL_SECRET) return config.KEEL_SECRET;
  const file = join(config.KEEL_DATA_DIR, "secret");
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch {
    // Not there yet: generated below.
  }
  mkdirSync(config.KEEL_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`keel: ${(error as Error).message}`);
    process.exit(1);
  }
  config = { ...config, KEEL_SECRET: ensureSecret(config) };
  const slaTargets = parseSlaTargets(process.env.KEEL_SLA_TARGETS);
  if (!slaTargets.ok) {
    console.error(`keel: KEEL_SLA_TARGETS: ${slaTargets.message}`);
    process.exit(1);
  }

  say(
    config.DATABASE_URL ? "connecting to the database…" : `starting the database in ${config.KEEL_DATA_DIR}…`,
  );
  const opened = await openDatabase({
    dataDir: config.KEEL_DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  });
  if (!opened.ok) {
    console.error(`keel: ${opened.error.message}`);
    process.exit(1);
  }
  const database = opened.value;
  const jobs = new PgBossJobs({ connectionString: database.url });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let channels: Channels | undefined;
  closeOnShutdownSignals(
    async () => {
      await app?.close();
      await channels?.stop();
      await jobs.stop();
      await database.close();
    },
    { log: say },
  );

  await jobs.start();
  const deps = { db: database.db, clock: systemClock, config, jobs, slaTargets: slaTargets.value };
  if (config.KEEL_SEED_DEMO === "true") {
    const started = Date.now();
    const seeded = await seedDemo(deps, say);
    if (seeded > 0) say(`demo seeded: ${seeded} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  app = await buildApp(deps, { trustProxy: Boolean(config.KEEL_PUBLIC_URL) });
  try {
    channels = await startChannels(deps, say);
  } catch (error) {
    // A channel setting that cannot work (an unreadable certificate, a port in use) stops the start cleanly.
    console.error(`keel: could not start the channels: ${(error as Error).message}`);
    await jobs.stop();
    await database.close();
    process.exit(1);
  }
  try {
    await app.listen({ host: config.KEEL_HOST, port: config.KEEL_PORT });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      console.error(
        `keel: port ${config.KEEL_PORT} on ${config.KEEL_HOST} is already in use. Stop the other program or choose ` +
          `another port, e.g. KEEL_PORT=3001 npm start`,
      );
    } else {
      console.error(`keel: could not listen: ${(error as Error).message}`);
    }
    await channels.stop();
    await jobs.stop();
    await database.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.KEEL_PORT;
  const url = `http://${config.KEEL_HOST === "0.0.0.0" ? "localhost" : config.KEEL_HOST}:${port}`;
  say(`ready at ${url}  (API docs: ${url}/api/docs)`);
  if (config.KEEL_SEED_DEMO === "true") {
    say("demo logins:");
    for (const login of DEMO_LOGINS) say(`  ${login.role.padEnd(10)} ${login.email}  /  ${login.password}`);
  }
  say("press Ctrl+C to stop");
}

await main();
