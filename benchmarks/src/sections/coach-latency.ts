/** @module Section 2: per-call latency of coachReply on ~1,000-character drafts, p50 and p99. */
import { loadCoach } from "../coach.js";
import type { BenchContext, Section } from "../context.js";
import { consume } from "../context.js";
import { longDrafts } from "../drafts.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatMs, formatNumber, type LatencySummary, summarize } from "../stats.js";

const DISTINCT_DRAFTS = 250;
/**
 * Calls before timing starts. A coach in a browser tab or a server is warm within seconds; with only one pass over the
 * drafts, optimising compiles and deoptimisations still landed inside the timed calls and set the p99. After 16 passes
 * (4,000 calls) they have all but stopped.
 */
const WARM_UP_CALLS = 4_000;
const P99_TARGET_MS = 2;

interface Latency {
  wall: LatencySummary;
  /** Process CPU time per call: unlike wall time, barely moved by other work on a shared machine. */
  cpu: LatencySummary;
}

function measure(runs: number, call: (i: number) => number): Latency {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    consume(call(i));
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export const coachLatencySection: Section = {
  id: "latency",
  title: "2. coachReply latency on ~1,000-character drafts",
  async run({ quick, corpus }: BenchContext): Promise<TargetResult[]> {
    const load = await loadCoach();
    if (!load.ok) {
      console.log(`FAIL could not load @keel/coach: ${load.error}`);
      return [
        { section: "latency", target: "p99 < 2 ms", measured: "coach failed to load", verdict: "FAIL" },
      ];
    }
    const { coachReply } = load.coach;
    const runs = quick ? 2_000 : 3_000;
    const drafts = longDrafts(corpus, DISTINCT_DRAFTS);
    if (drafts.length === 0) {
      console.log("skipped: no agent replies in the data directory");
      return [{ section: "latency", target: "p99 < 2 ms", measured: "no data", verdict: "SKIPPED" }];
    }
    const avgChars = drafts.reduce((n, d) => n + d.reply.length, 0) / drafts.length;
    console.log(
      `${drafts.length} distinct drafts (${formatNumber(avgChars, 0)} chars avg), ${runs.toLocaleString("en-US")} timed calls after ${WARM_UP_CALLS.toLocaleString("en-US")} warm-up calls`,
    );
    const draft = (i: number) => drafts[i % drafts.length] ?? { reply: "", customer: "" };
    // Both call forms warm up, in the proportion they are timed.
    for (let i = 0; i < WARM_UP_CALLS; i++) {
      if (i % 3 === 2) coachReply(draft(i).reply);
      else coachReply(draft(i).reply, draft(i).customer);
    }

    const rows: [string, Latency][] = [
      [
        "coachReply(draft, customer)",
        measure(runs, (i) => coachReply(draft(i).reply, draft(i).customer).score),
      ],
      ["coachReply(draft) no customer", measure(runs / 2, (i) => coachReply(draft(i).reply).score)],
    ];
    printTable(
      ["call", "runs", "mean", "p50", "p90", "p99", "max", "CPU p50", "CPU p99"],
      rows.map(([name, { wall, cpu }]) => [
        name,
        String(wall.runs),
        formatMs(wall.mean),
        formatMs(wall.p50),
        formatMs(wall.p90),
        formatMs(wall.p99),
        formatMs(wall.max),
        formatMs(cpu.p50),
        formatMs(cpu.p99),
      ]),
    );
    const withCustomer = rows[0]?.[1];
    const p99 = withCustomer?.wall.p99 ?? Number.NaN;
    return [
      {
        section: "latency",
        target: `coachReply p99 < ${P99_TARGET_MS} ms (1,000-char draft + customer)`,
        measured: `p50 ${formatMs(withCustomer?.wall.p50 ?? Number.NaN)}, p99 ${formatMs(p99)} (CPU p99 ${formatMs(withCustomer?.cpu.p99 ?? Number.NaN)})`,
        verdict: verdictOf(p99 < P99_TARGET_MS),
      },
    ];
  },
};
