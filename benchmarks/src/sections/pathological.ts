/** @module Section 3: time on hostile inputs (< 50 ms each) and a check that time grows at most linearly with size. */
import { loadCoach } from "../coach.js";
import { type BenchContext, consume, type Section } from "../context.js";
import { mixedMessages } from "../data.js";
import { PATHOLOGICAL_INPUTS } from "../pathological-inputs.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatMs, formatNumber, median } from "../stats.js";

const LIMIT_MS = 50;
/** Sizes for the growth check stay under the analysed-text cut (20,000 chars), where growth is still visible. */
const SMALL = 4_000;
const LARGE = 4 * SMALL;
/** Linear growth gives about 4× (less with fixed costs); above this the input is flagged. */
const SUPERLINEAR_RATIO = 6;

type Call = (input: string) => number;

/** Two calls this slow already fail clearly; repeating them would only stall the bench. */
const HOPELESS_MS = 4 * LIMIT_MS;

type Timed = { median: number; minCpu: number } | { error: string };

interface Sample {
  wall: number;
  /** Process CPU ms: barely moved by other load, so growth ratios stay meaningful on a busy machine. */
  cpu: number;
}

function timeOnce(call: Call, input: string): Sample {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  consume(call(input));
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Wall time of `runs` calls after a warm-up call (median) and the least CPU time; a throw is reported as a value. */
function timeCall(call: Call, input: string, runs: number): Timed {
  try {
    const warm = timeOnce(call, input);
    const samples = [timeOnce(call, input)];
    // The warm-up call may include compiling; only a second slow call marks the input as hopeless.
    const hopeless = warm.wall > HOPELESS_MS && (samples[0]?.wall ?? 0) > HOPELESS_MS;
    while (!hopeless && samples.length < runs) samples.push(timeOnce(call, input));
    return { median: median(samples.map((s) => s.wall)), minCpu: Math.min(...samples.map((s) => s.cpu)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Growth from n to 4n in CPU time of the cheapest call, which other load on the machine disturbs least. */
function growth(call: Call, make: (n: number) => string, runs: number): number {
  const small = timeCall(call, make(SMALL), runs);
  const large = timeCall(call, make(LARGE), runs);
  if ("error" in small || "error" in large) return Number.NaN;
  // Near timer resolution a ratio means nothing; treat both as "instant".
  return large.minCpu < 0.1 ? 1 : large.minCpu / Math.max(small.minCpu, 0.02);
}

export const pathologicalSection: Section = {
  id: "pathological",
  title: "3. Pathological inputs: time per call and growth from n to 4n",
  async run({ quick, corpus }: BenchContext): Promise<TargetResult[]> {
    const load = await loadCoach();
    if (!load.ok) {
      console.log(`FAIL could not load @keel/coach: ${load.error}`);
      return [
        {
          section: "pathological",
          target: "< 50 ms each",
          measured: "coach failed to load",
          verdict: "FAIL",
        },
      ];
    }
    const { analyzeCustomer, coachReply } = load.coach;
    const runs = quick ? 3 : 5;
    const realText = mixedMessages(corpus, 400).join("\n");
    const sample = corpus.pairs[0] ?? { customer: "Where is my order?", reply: "Let me check that for you." };
    // [column, growth column, call]: x as the customer message, as the draft, and as the customer behind a real draft.
    const calls: [string, string, Call][] = [
      ["analyzeCustomer(x)", "growth analyze", (x) => analyzeCustomer(x).anger],
      ["coachReply(x, real)", "growth reply=x", (x) => coachReply(x, sample.customer).score],
      ["coachReply(real, x)", "growth customer=x", (x) => coachReply(sample.reply, x).score],
    ];
    console.log(
      `median of ${runs} calls after a warm-up (two calls over ${HOPELESS_MS} ms end the measurement); growth = least CPU time(${LARGE.toLocaleString("en-US")}) / time(${SMALL.toLocaleString("en-US")} chars), flagged above ${SUPERLINEAR_RATIO}×`,
    );

    let worstMs = 0;
    let worstName = "";
    let worstGrowth = 0;
    let worstGrowthName = "";
    const errors: string[] = [];
    const rows: string[][] = [];
    for (const generator of PATHOLOGICAL_INPUTS) {
      const input = generator.make(generator.size, realText);
      const make = (n: number) => generator.make(n, realText);
      const cells: string[] = [];
      const growthCells: string[] = [];
      for (const [callName, , call] of calls) {
        const timed = timeCall(call, input, runs);
        if ("error" in timed) {
          errors.push(`${generator.name} / ${callName}: ${timed.error}`);
          cells.push("THREW");
          growthCells.push("—");
          continue;
        }
        const ms = timed.median;
        cells.push(ms > LIMIT_MS ? `${formatMs(ms)} FAIL` : formatMs(ms));
        if (ms > worstMs) [worstMs, worstName] = [ms, `${generator.name} / ${callName}`];
        let g = growth(call, make, runs);
        // One re-measurement before flagging, so a noisy neighbour on the machine does not cause a false alarm.
        if (g > SUPERLINEAR_RATIO) g = Math.min(g, growth(call, make, runs));
        growthCells.push(g > SUPERLINEAR_RATIO ? `${formatNumber(g, 1)}× FLAG` : `${formatNumber(g, 1)}×`);
        if (g > worstGrowth) [worstGrowth, worstGrowthName] = [g, `${generator.name} / ${callName}`];
      }
      rows.push([generator.name, `${formatNumber(input.length / 1000, 0)}k`, ...cells, ...growthCells]);
    }
    printTable(["input", "chars", ...calls.map(([n]) => n), ...calls.map(([, g]) => g)], rows);
    for (const e of errors) console.log(`FAIL threw: ${e}`);

    return [
      {
        section: "pathological",
        target: `every hostile input < ${LIMIT_MS} ms, no throw`,
        measured:
          errors.length > 0 ? `${errors.length} call(s) threw` : `worst ${formatMs(worstMs)} (${worstName})`,
        verdict: verdictOf(errors.length === 0 && worstMs < LIMIT_MS),
      },
      {
        section: "pathological",
        target: `growth n→4n ≤ ${SUPERLINEAR_RATIO}× (no super-linear blow-up)`,
        measured: `worst ${formatNumber(worstGrowth, 1)}× (${worstGrowthName || "—"})`,
        verdict: verdictOf(worstGrowth <= SUPERLINEAR_RATIO),
      },
    ];
  },
};
