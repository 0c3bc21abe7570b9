/**
 * @module A real Keel for the end-to-end run: the built server (with the built web app) on a free port, a fresh
 * embedded PostgreSQL in a temporary data directory, and the demo seed. Stopped with SIGTERM, then the directory goes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
const SERVER_MAIN = join(REPO_ROOT, "apps/server/dist/src/main.js");
const WEB_INDEX = join(REPO_ROOT, "apps/web/dist/index.html");
const READY = /ready at (http:\/\/\S+)/;
/** Starting PostgreSQL, migrating and seeding the demo takes about 10 s on a busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface RunningKeel {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export async function startKeel(): Promise<RunningKeel> {
  for (const [file, build] of [
    [SERVER_MAIN, "tsc -b"],
    [WEB_INDEX, "npm run build -w apps/web"],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (${build}) first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "keel-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEEL_HOST: "127.0.0.1",
    KEEL_PORT: "0",
    KEEL_DATA_DIR: dataDir,
    KEEL_SEED_DEMO: "true",
  };
  // Always the embedded database of this run, never a server configured for development.
  delete env.DATABASE_URL;
  delete env.KEEL_SMTP_PORT;
  delete env.KEEL_PUBLIC_URL;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await exited(child, STOP_TIMEOUT_MS))) {
        child.kill("SIGKILL");
        await exited(child, STOP_TIMEOUT_MS);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Keel did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        ready(match[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`Keel exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, dataDir, output: () => output, stop };
}
