/**
 * @module The built server as a child process for crash tests: started on a given database, its output kept for
 * failure messages, its ports read from what it prints, and its exit awaited however it ended.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built entry point (`npm test` builds before it tests). */
export const SERVER_MAIN = fileURLToPath(new URL("../../dist/src/main.js", import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  httpUrl: string;
  smtpPort: number;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
}

/**
 * Resolves once the child has exited. A process killed by a signal has a null `exitCode` (its `signalCode` is set),
 * and its "exit" event may have fired already: waiting on the event alone would then wait forever.
 */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts the built server; resolves once both its HTTP API and its SMTP receiver accept connections. */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: { startTimeoutMs?: number; main?: string } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      // KEEL_PROF_DIR=<dir> writes a CPU profile of the server when it exits (see benchmarks/README.md).
      ...(process.env.KEEL_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.KEEL_PROF_DIR}`] : []),
      // KEEL_SERVER_NODE_ARGS="--trace-gc …": Node options for the server alone (see benchmarks/README.md).
      ...(process.env.KEEL_SERVER_NODE_ARGS ? process.env.KEEL_SERVER_NODE_ARGS.split(" ") : []),
      options.main ?? SERVER_MAIN,
    ],
    {
      env: { ...process.env, KEEL_PORT: "0", KEEL_SMTP_PORT: "0", KEEL_SEED_DEMO: "false", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${why}; the server printed:\n${output}`));
    };
    const timer = setTimeout(
      () => fail("the server did not start in time"),
      options.startTimeoutMs ?? 60_000,
    );
    const check = () => {
      const smtp = /SMTP port (\d+)/.exec(output)?.[1];
      const http = /ready at (http:\/\/\S+)/.exec(output)?.[1];
      if (smtp === undefined || http === undefined) return;
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", onExit);
      resolve({ child, httpUrl: http, smtpPort: Number(smtp), output: () => output });
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`the server exited (${signal ?? code}) before it was ready`);
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", onExit);
  });
}
