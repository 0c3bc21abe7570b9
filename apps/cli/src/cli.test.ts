/** @module End-to-end tests of the built `keel` binary: worker threads, exit codes, help. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempDir, tempDir } from "./test-support/capture.js";

const BIN = fileURLToPath(new URL("../bin/keel.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../dist/src/analyze/analyze-worker.js", import.meta.url)));
if (!BUILT) console.warn("apps/cli/dist is missing: run `npx tsc -b` first; skipping the built-CLI tests");

function keel(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "", ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each case spawns node a few times; allow for a busy machine.
describe.skipIf(!BUILT)("the built keel CLI", { timeout: 120_000 }, () => {
  let dir: TempDir;
  let input: string;
  beforeAll(async () => {
    dir = await tempDir();
    const lines = Array.from({ length: 60 }, (_, i) =>
      i === 17
        ? "{broken"
        : JSON.stringify({
            id: `r${i}`,
            customer:
              i % 3 === 0 ? `Third time asking about order #${1000 + i}!!! Refund me now.` : `Question ${i}`,
            reply: i % 2 === 0 ? "I'm sorry. I've refunded it today; you'll see it within 3 days." : null,
          }),
    );
    input = await dir.file("in.jsonl", `${lines.join("\n")}\n`);
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("gives the same ordered output with worker threads as in-process", () => {
    const inProcess = keel(["analyze", input, "--workers", "0"]);
    const threaded = keel(["analyze", input, "--workers", "2", "--batch-size", "4"]);
    const mainHelps = keel(["analyze", input, "--workers", "1", "--batch-size", "3"]);
    expect(inProcess.code).toBe(1);
    expect(threaded.code).toBe(1);
    expect(threaded.err).toContain("line 18: invalid JSON");
    expect(threaded.err).toContain("59 rows ok, 1 failed");
    expect(threaded.out.trim().split("\n")).toHaveLength(59);
    expect(threaded.out).toBe(inProcess.out);
    expect(mainHelps.out).toBe(inProcess.out);
  });

  it("exits 2 on usage errors with a clear message", () => {
    const missing = keel(["analyze", `${dir.path}/missing.csv`]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    const badFormat = keel(["analyze", input, "--format", "xml"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toMatch(/xml/);
    expect(keel(["analyze"]).code).toBe(2);
    expect(keel(["frobnicate"]).code).toBe(2);
  });

  it("explains itself in --help", () => {
    const top = keel(["--help"]);
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/analyze/);
    expect(top.out).toMatch(/demo/);
    const analyze = keel(["analyze", "--help"]);
    expect(analyze.code).toBe(0);
    for (const flag of [
      "--format",
      "--out",
      "--customer-column",
      "--reply-column",
      "--id-column",
      "--workers",
    ]) {
      expect(analyze.out).toContain(flag);
    }
    expect(analyze.out).toMatch(/Exit codes/);
  });

  it("runs the demo without colour when not on a terminal", () => {
    const demo = keel(["demo"]);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain("Summary");
    expect(demo.out).not.toContain("\u001b[");
  });
});
