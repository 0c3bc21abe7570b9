/** @module Creates the cluster directory on first start (initdb) and remembers its generated password. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbResult, fail, ok } from "../result.js";
import type { RunAs } from "./run-as.js";

export const SUPERUSER = "keel";
const PASSWORD_FILE = "pg-password";
const MAJOR_VERSION = "15";

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The cluster's superuser password, generated at initdb time and kept beside the cluster (mode 0600). */
export async function readPassword(dataDir: string): Promise<string | null> {
  try {
    return (await readFile(join(dataDir, PASSWORD_FILE), "utf8")).trim();
  } catch {
    return null;
  }
}

/** Runs initdb unless the cluster already exists; a half-initialised directory (no PG_VERSION) is redone. */
export async function ensureCluster(options: {
  dataDir: string;
  clusterDir: string;
  initdb: string;
  runAs: RunAs | null;
  log: (line: string) => void;
}): Promise<DbResult<{ created: boolean }>> {
  const { dataDir, clusterDir, runAs } = options;
  const versionFile = join(clusterDir, "PG_VERSION");
  if (await exists(versionFile)) {
    const version = (await readFile(versionFile, "utf8")).trim();
    if (version !== MAJOR_VERSION) {
      return fail(
        "start_failed",
        `${clusterDir} holds a PostgreSQL ${version} cluster; this Keel runs PostgreSQL ${MAJOR_VERSION}`,
      );
    }
    if ((await readPassword(dataDir)) === null) {
      return fail(
        "start_failed",
        `${join(dataDir, PASSWORD_FILE)} is missing, so the cluster cannot be opened`,
      );
    }
    return ok({ created: false });
  }
  await rm(clusterDir, { recursive: true, force: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs !== null) await chown(clusterDir, runAs.uid, runAs.gid);

  const password = randomBytes(24).toString("base64url");
  // initdb reads the password from a file; it lives in a private temp dir only while initdb runs.
  const scratch = await mkdtemp(join(tmpdir(), "keel-initdb-"));
  const pwFile = join(scratch, "pw");
  try {
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs !== null) {
      await chmod(scratch, 0o711);
      await chown(pwFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${clusterDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--data-checksums",
    ];
    const result = await run(options.initdb, args, runAs, options.log);
    if (result.code !== 0) {
      return fail("start_failed", `initdb failed (exit ${result.code}): ${result.output.slice(-2000)}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await writeFile(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  return ok({ created: true });
}

function run(
  command: string,
  args: string[],
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      ...(runAs ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      for (const line of text.split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => resolve({ code: -1, output: `${output}${error.message}` }));
    child.on("close", (code) => resolve({ code, output }));
  });
}
