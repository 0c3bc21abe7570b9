/** @module Section 4: wall time and peak memory of `keel analyze` on a large JSONL file, run as a child process. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePairsJsonl } from "../batch-file.js";
import type { BenchContext, Section } from "../context.js";
import { REPO_ROOT } from "../data.js";
import { type GnuTimeReport, parseGnuTime } from "../gnu-time.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatNumber } from "../stats.js";

const FULL_ROWS = 1_000_000;
const QUICK_ROWS = 100_000;
const PILOT_ROWS = 2_000;
/**
 * The pilot's rows are the coach's slowest: in each thread the first couple of thousand rows cost 5–7× the
 * steady rate (measured in-process), so the pilot may overshoot by that much before it rules a run out.
 */
const PILOT_WARM_UP_FACTOR = 10;
const TARGET_SECONDS = 120;
const CLI = join(REPO_ROOT, "apps", "cli", "bin", "keel.js");
const CLI_BUILD = join(REPO_ROOT, "apps", "cli", "dist", "src", "main.js");
const GNU_TIME = "/usr/bin/time";

interface RunResult {
  wallSeconds: number;
  exitCode: number | null;
  timedOut: boolean;
  report: GnuTimeReport | null;
  stderrTail: string;
}

/** Runs `keel analyze` on `file`, killing it after `timeoutSeconds`. */
export async function runCli(file: string, timeoutSeconds: number): Promise<RunResult> {
  const args = [CLI, "analyze", file, "--format", "jsonl", "--out", "/dev/null"];
  const useTime = existsSync(GNU_TIME);
  const child = useTime
    ? spawn(GNU_TIME, ["-v", process.execPath, ...args], {
        stdio: ["ignore", "ignore", "pipe"],
        detached: true,
      })
    : spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // The child leads its own process group, so this stops `time` and the CLI with its workers, nothing else.
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, timeoutSeconds * 1000);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) =>
    child.on("close", (exitCode) => resolve(exitCode)),
  );
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  const { childStderr, report } = parseGnuTime(stderr);
  const tail = childStderr.trim().split("\n").slice(-4).join("\n");
  return { wallSeconds, exitCode: code, timedOut, report, stderrTail: tail };
}

function cliAvailable(): string | null {
  if (!existsSync(CLI) || !existsSync(CLI_BUILD)) return "CLI not built (apps/cli/dist missing)";
  const help = spawnSync(process.execPath, [CLI, "analyze", "--help"], { encoding: "utf8", timeout: 30_000 });
  if (help.status !== 0)
    return `\`keel analyze --help\` failed: ${(help.stderr || help.stdout).trim().split("\n")[0]}`;
  return null;
}

function skipped(reason: string): TargetResult[] {
  console.log(`skipped: ${reason}`);
  return [{ section: "cli", target: "keel analyze 1M rows < 2 min", measured: reason, verdict: "SKIPPED" }];
}

export const cliBatchSection: Section = {
  id: "cli",
  title: "4. `keel analyze` on a large JSONL file (child process)",
  async run({ quick, corpus }: BenchContext): Promise<TargetResult[]> {
    const unavailable = cliAvailable();
    if (unavailable) return skipped(unavailable);
    const rows = quick ? QUICK_ROWS : FULL_ROWS;
    const scale = FULL_ROWS / rows;
    const pilotFile = join(tmpdir(), `keel-bench-pilot-${process.pid}.jsonl`);
    const oneRowFile = join(tmpdir(), `keel-bench-one-${process.pid}.jsonl`);
    const file = join(tmpdir(), `keel-bench-${process.pid}.jsonl`);
    try {
      await writePairsJsonl(oneRowFile, corpus.pairs, 1);
      const startup = await runCli(oneRowFile, 60);
      await writePairsJsonl(pilotFile, corpus.pairs, PILOT_ROWS);
      const pilot = await runCli(pilotFile, 120);
      if (pilot.exitCode !== 0) {
        console.log(`FAIL pilot run exited with ${pilot.exitCode}:\n${pilot.stderrTail}`);
        return [
          {
            section: "cli",
            target: "keel analyze runs",
            measured: `exit ${pilot.exitCode}`,
            verdict: "FAIL",
          },
        ];
      }
      // Predict from the pilot minus start-up (a one-row run), so a slow CLI does not hold the bench for many minutes.
      const perRow = Math.max(0, pilot.wallSeconds - startup.wallSeconds) / PILOT_ROWS;
      const predicted = startup.wallSeconds + perRow * rows;
      // Beyond this the target is clearly missed; the full run would only hold the bench (it is killed there).
      const limit = startup.wallSeconds + 10 + (TARGET_SECONDS * 2.5) / scale;
      // CPU time as well: on a shared machine wall time mostly says how busy the others are.
      const cpu = (run: RunResult) =>
        run.report ? ` (${formatNumber(run.report.userSeconds + run.report.systemSeconds, 1)} CPU-s)` : "";
      console.log(
        `start-up (1 row) ${formatNumber(startup.wallSeconds, 1)} s${cpu(startup)}, pilot ${PILOT_ROWS.toLocaleString("en-US")} rows ${formatNumber(pilot.wallSeconds, 1)} s${cpu(pilot)}`,
      );
      if (predicted > limit * PILOT_WARM_UP_FACTOR) {
        const projected = (startup.wallSeconds + perRow * FULL_ROWS).toFixed(0);
        console.log(`FAIL the pilot predicts ${projected} s for 1M rows; full run not attempted`);
        return [
          {
            section: "cli",
            target: "keel analyze 1M rows < 2 min",
            measured: `~${projected} s (from pilot)`,
            verdict: "FAIL",
          },
        ];
      }
      const started = performance.now();
      const bytes = await writePairsJsonl(file, corpus.pairs, rows);
      console.log(
        `${rows.toLocaleString("en-US")} rows of real customer/reply pairs, ${formatNumber(bytes / 1e6, 0)} MB JSONL written in ${formatNumber((performance.now() - started) / 1000, 1)} s`,
      );
      const run = await runCli(file, limit);
      const wall = run.report?.wallSeconds ?? run.wallSeconds;
      const projected = wall * scale;
      printTable(
        ["rows", "exit", "wall", "rows/s", "user CPU", "sys CPU", "CPU %", "peak RSS", "1M rows (projected)"],
        [
          [
            rows.toLocaleString("en-US"),
            run.timedOut ? "killed (timeout)" : String(run.exitCode),
            `${formatNumber(wall, 1)} s`,
            formatNumber(rows / wall, 0),
            run.report ? `${formatNumber(run.report.userSeconds, 1)} s` : "n/a",
            run.report ? `${formatNumber(run.report.systemSeconds, 1)} s` : "n/a",
            run.report ? `${run.report.cpuPercent}%` : "n/a",
            run.report ? `${formatNumber(run.report.maxRssKb / 1024, 0)} MB` : "n/a",
            quick ? `${formatNumber(projected, 0)} s` : "—",
          ],
        ],
      );
      if (run.stderrTail) console.log(`cli stderr (last lines):\n${run.stderrTail}`);
      const ok = !run.timedOut && run.exitCode === 0 && projected < TARGET_SECONDS;
      return [
        {
          section: "cli",
          target: `keel analyze 1M rows < ${TARGET_SECONDS} s${quick ? " (projected from 100k)" : ""}`,
          measured: run.timedOut
            ? `killed after ${formatNumber(wall, 0)} s`
            : `${formatNumber(projected, 1)} s, peak RSS ${run.report ? `${formatNumber(run.report.maxRssKb / 1024, 0)} MB` : "n/a"}`,
          verdict: verdictOf(ok),
        },
      ];
    } finally {
      rmSync(pilotFile, { force: true });
      rmSync(oneRowFile, { force: true });
      rmSync(file, { force: true });
    }
  },
};
