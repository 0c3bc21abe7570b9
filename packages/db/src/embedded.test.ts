/**
 * @module The embedded server's hard cases on real temp data directories: first start, second Keel refused,
 * stale postmaster.pid, a server orphaned by a killed Keel, and committed data surviving a crash.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect.js";
import { isProcessAlive, waitForExit } from "./embedded/process-info.js";
import { type EmbeddedPostgres, socketDirectoryFor, startEmbeddedPostgres } from "./embedded.js";
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

/** Servers started by child Keel processes: killed after the tests even if a test failed half-way. */
const childServers: number[] = [];

/**
 * Another Keel, as a separate process: starts the embedded server on `dir`, reports the server's PID, then
 * either holds on ("hold") or calls process.exit without stopping anything ("exit").
 */
async function startKeelProcess(dir: string, mode: "hold" | "exit") {
  const embedded = fileURLToPath(new URL("./embedded.ts", import.meta.url));
  const script = join(dir, `keel-${mode}.mts`);
  await writeFile(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};
const started = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)} });
if (!started.ok) { console.log(JSON.stringify({ error: started.error.message })); process.exit(1); }
console.log(JSON.stringify({ serverPid: started.value.pid }));
if (${JSON.stringify(mode)} === "exit") process.exit(0);
setInterval(() => undefined, 1000);
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
    });
    child.once("exit", (code) => reject(new Error(`Keel process exited early (${code}): ${out}`)));
  });
  const report = JSON.parse(line) as { serverPid?: number; error?: string };
  if (report.serverPid === undefined) throw new Error(report.error ?? line);
  childServers.push(report.serverPid);
  return { process: child, serverPid: report.serverPid };
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

  const savedDatabaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    // openDatabase would use an external server if one were configured in the environment.
    delete process.env.DATABASE_URL;
    dataDir = await mkdtemp(join(tmpdir(), "keel-embedded-"));
    await chmod(dataDir, 0o755);
    sleeper = spawn("sleep", ["120"], { stdio: "ignore" });
  });
  afterAll(async () => {
    sleeper.kill("SIGKILL");
    for (const server of running.reverse()) await server.stop();
    for (const pid of childServers) {
      if (await isProcessAlive(pid)) process.kill(pid, "SIGQUIT");
    }
    await rm(dataDir, { recursive: true, force: true });
    if (savedDatabaseUrl !== undefined) process.env.DATABASE_URL = savedDatabaseUrl;
  });

  it("initialises on first start, reuses the cluster afterwards, and stops its process and lock", async () => {
    const first = await mustStart();
    expect(first.created).toBe(true);
    expect(first.port).not.toBe(5432);
    // Through the Unix socket in the (short) data directory; TCP on the loopback is there too.
    expect(first.url).toMatch(/^postgres:\/\/keel:[^@]+@localhost\/postgres\?host=[^&]+&port=\d+$/);
    expect(new URL(first.url).searchParams.get("host")).toBe(join(dataDir, "pg"));
    expect(
      await selectOne(first.url.replace(/@localhost\/postgres\?.*port=(\d+)$/, "@127.0.0.1:$1/postgres")),
    ).toBe(1);
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

  it("refuses while another Keel process holds the directory; after that Keel is killed, takes over", async () => {
    const keel = await startKeelProcess(dataDir, "hold");
    const refused = await start();
    expect(refused.ok ? null : refused.error.message).toContain(`Another Keel (process ${keel.process.pid})`);
    keel.process.kill("SIGKILL");
    expect(await waitForExit(keel.process.pid ?? 0, 10_000)).toBe(true);
    expect(await isProcessAlive(keel.serverPid)).toBe(true);
    const next = await mustStart();
    expect(await isProcessAlive(keel.serverPid)).toBe(false);
    expect(await selectOne(next.url)).toBe(1);
    await next.stop();
  });

  it("stops the server when Keel exits without stopping it", async () => {
    const keel = await startKeelProcess(dataDir, "exit");
    expect(await waitForExit(keel.serverPid, 15_000)).toBe(true);
    const next = await mustStart();
    await next.stop();
  });

  it.runIf(process.getuid?.() === 0)(
    "as root, explains a data directory the postgres user cannot reach",
    async () => {
      const privateParent = await mkdtemp(join(tmpdir(), "keel-private-"));
      try {
        const refused = await startEmbeddedPostgres({ dataDir: join(privateParent, "data") });
        expect(refused.ok ? null : refused.error.message).toContain("cannot enter");
      } finally {
        await rm(privateParent, { recursive: true, force: true });
      }
    },
  );

  it("leaves no server of this data directory running", async () => {
    const ps = spawnSync("ps", ["-eo", "args"], { encoding: "utf8" }).stdout;
    expect(ps.split("\n").filter((line) => line.includes(dataDir))).toEqual([]);
  });
});

describe("the embedded server's socket directory", () => {
  it("is the data directory when its path fits a socket name, else none (TCP only)", () => {
    expect(socketDirectoryFor("/tmp/keel-x/pg")).toBe("/tmp/keel-x/pg");
    expect(socketDirectoryFor(`/tmp/${"d".repeat(100)}/pg`)).toBe("");
    expect(socketDirectoryFor("/tmp/with space/pg")).toBe("");
    expect(socketDirectoryFor("/tmp/a,b/pg")).toBe("");
  });
});
