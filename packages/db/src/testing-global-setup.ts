/**
 * @module Vitest global setup: one embedded PostgreSQL per test run, started only when a database test asks for
 * it (through a tiny local HTTP endpoint whose address is passed to the workers in an environment variable).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbeddedPostgres } from "./embedded.js";

/** Set for the test workers: where they ask for the run's embedded server. */
export const CONTROL_ENV = "KEEL_TEST_DB_CONTROL";

export default async function setup(): Promise<() => Promise<void>> {
  let dataDir: string | undefined;
  let starting: Promise<{ url: string } | { error: string }> | undefined;
  let server: EmbeddedPostgres | undefined;

  const startOnce = () => {
    starting ??= (async () => {
      dataDir = await mkdtemp(join(tmpdir(), "keel-test-pg-"));
      // Traversable by the unprivileged postgres user when tests run as root.
      await chmod(dataDir, 0o755);
      // Imported here so runs without database tests never load the database code.
      const { startEmbeddedPostgres } = await import("./embedded.js");
      const started = await startEmbeddedPostgres({ dataDir });
      if (!started.ok) return { error: started.error.message };
      server = started.value;
      return { url: server.url };
    })();
    return starting;
  };

  const control = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/embedded") {
      response.writeHead(404).end();
      return;
    }
    startOnce().then(
      (body) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)),
      (error: unknown) => response.writeHead(200).end(JSON.stringify({ error: String(error) })),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const address = control.address();
  if (typeof address === "object" && address !== null) {
    process.env[CONTROL_ENV] = `http://127.0.0.1:${address.port}/embedded`;
  }

  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await starting?.catch(() => undefined);
    await server?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  };
}
