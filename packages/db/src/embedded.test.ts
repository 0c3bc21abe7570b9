/**
 * @module The embedded server's hard cases on real temp data directories: first start, second Keel refused,
 * stale postmaster.pid, a server orphaned by a killed Keel, and committed data surviving a crash.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect.js";
import { isProcessAlive, waitForExit } from "./embedded/process-info.js";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded.js";
import { createCustomer, getCustomer } from "./repos/customers.js";

const deadPid = () => spawnSync("true").pid ?? 999_999;

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", { timeout: 120_000 }, () => {
  let dataDir: string;
  let sleeper: ChildProcess;
  const running: EmbeddedPostgres[] = [];
  const start = async () => {
    const started = await startEmbeddedPostgres({ dataDir });
    if (started.ok) running.push(started.value);
    return started;
  };
  const mustStart = async () => {
    const started = await start();
    if (!started.ok) throw new Error(started.error.message);
    return started.value;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "keel-embedded-"));
    await chmod(dataDir, 0o755);
    sleeper = spawn("sleep", ["120"], { stdio: "ignore" });
  });
  afterAll(async () => {
    sleeper.kill("SIGKILL");
    for (const server of running.reverse()) await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("initialises on first start, reuses the cluster afterwards, and stops its process and lock", async () => {
    const first = await mustStart();
    expect(first.created).toBe(true);
    expect(first.port).not.toBe(5432);
    expect(first.url).toMatch(/^postgres:\/\/keel:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(await selectOne(first.url)).toBe(1);
    await first.stop();
    await first.stop();
    expect(await isProcessAlive(first.pid)).toBe(false);
    await expect(stat(join(dataDir, "keel.lock"))).rejects.toThrow();

    const again = await mustStart();
    expect(again.created).toBe(false);
    expect(await selectOne(again.url)).toBe(1);
    await again.stop();
  });

  it("refuses a second Keel on the same data directory with a clear message", async () => {
    const first = await mustStart();
    const second = await start();
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe("data_dir_locked");
    expect(second.error.message).toContain(`is already using the data directory ${dataDir}`);
    // The running server is untouched by the refused attempt.
    expect(await selectOne(first.url)).toBe(1);
    await first.stop();

    await writeFile(join(dataDir, "keel.lock"), JSON.stringify({ pid: sleeper.pid, startTicks: null }));
    const held = await start();
    expect(held.ok ? null : held.error.message).toContain(`Another Keel (process ${sleeper.pid})`);
    await writeFile(join(dataDir, "keel.lock"), JSON.stringify({ pid: deadPid(), startTicks: null }));
    const takenOver = await mustStart();
    await takenOver.stop();
  });

  it("starts over a stale postmaster.pid left by a crash or naming an unrelated process", async () => {
    const crashed = await mustStart();
    process.kill(crashed.pid, "SIGKILL");
    expect(await waitForExit(crashed.pid, 10_000)).toBe(true);
    expect(await readFile(join(dataDir, "pg", "postmaster.pid"), "utf8")).toMatch(
      new RegExp(`^${crashed.pid}\n`),
    );
    await crashed.stop();

    const recovered = await mustStart();
    expect(await selectOne(recovered.url)).toBe(1);
    await recovered.stop();

    await writeFile(join(dataDir, "pg", "postmaster.pid"), `${sleeper.pid}\n${join(dataDir, "pg")}\n`);
    const afterReuse = await mustStart();
    expect(await selectOne(afterReuse.url)).toBe(1);
    await afterReuse.stop();
  });

  it("stops a server orphaned by a killed Keel, then starts its own", async () => {
    const orphan = await mustStart();
    // The Keel that started it "dies": its lock now names a dead process; its postgres keeps running.
    await writeFile(join(dataDir, "keel.lock"), JSON.stringify({ pid: deadPid(), startTicks: null }));
    const next = await mustStart();
    expect(await isProcessAlive(orphan.pid)).toBe(false);
    expect(next.pid).not.toBe(orphan.pid);
    expect(await selectOne(next.url)).toBe(1);
    await next.stop();
    await orphan.stop();
  });

  it("keeps committed rows through SIGKILL of the server and a restart", async () => {
    const opened = await openDatabase({ dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    const server = opened.value.embedded;
    if (server === null) throw new Error("expected the embedded server");
    running.push(server);
    const customer = await createCustomer(opened.value.db, { name: "Survives a crash" });
    process.kill(server.pid, "SIGKILL");
    expect(await waitForExit(server.pid, 10_000)).toBe(true);
    await opened.value.close();

    const reopened = await openDatabase({ dataDir });
    if (!reopened.ok) throw new Error(reopened.error.message);
    if (reopened.value.embedded) running.push(reopened.value.embedded);
    expect(await getCustomer(reopened.value.db, customer.id)).toEqual({ ok: true, value: customer });
    await reopened.value.close();
  });

  it("leaves no server of this data directory running", async () => {
    const ps = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout;
    expect(ps.split("\n").filter((line) => line.includes(dataDir))).toEqual([]);
  });
});
