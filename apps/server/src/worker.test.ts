/** @module `npm run worker` refuses to start without DATABASE_URL and says why (the embedded database cannot be shared). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WORKER = fileURLToPath(new URL("../dist/src/worker.js", import.meta.url));

describe("worker process", () => {
  it.skipIf(!existsSync(WORKER))("exits with a clear message when DATABASE_URL is not set", () => {
    const { DATABASE_URL: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, [WORKER], { env, encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("set DATABASE_URL");
    expect(run.stderr).toContain("embedded");
  });
});
