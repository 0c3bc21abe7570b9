/** @module Section 1: messages per second of Keel's analyzeCustomer against three open sentiment libraries. */
import type { BenchContext, Section } from "../context.js";
import { mixedMessages } from "../data.js";
import { ENGINE_NAMES, type Engine, KEEL, loadEngine } from "../engines.js";
import { formatMb } from "../heap.js";
import { printTable, type TargetResult, verdictOf } from "../report.js";
import { formatMs, formatNumber, median, ratio } from "../stats.js";

const MESSAGES = 10_000;
const WARMUP_MESSAGES = 2_000;
/** After two rounds, no new round starts once the section has run this long (a slow engine must not stall the bench). */
const BUDGET_MS = { quick: 40_000, full: 100_000 };

/** Targets: Keel at least this multiple of each peer's median rate. */
const TARGETS: Record<string, number> = { "wink-nlp": 2, "sentiment (AFINN)": 1 / 3 };

interface RoundTime {
  wallMs: number;
  /** Process CPU time: what the round cost regardless of other load on the machine. */
  cpuMs: number;
}

function timeRound(engine: Engine, messages: readonly string[]): RoundTime {
  let checksum = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (const text of messages) checksum += engine.analyze(text) || 0;
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  if (Number.isNaN(checksum)) throw new Error(`${engine.name} returned NaN`);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Round r runs the engines rotated by r and reversed every other round, so none always runs first or last. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = round % Math.max(1, items.length);
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return round % 2 === 1 ? rotated.reverse() : rotated;
}

export const throughputSection: Section = {
  id: "throughput",
  title: "1. Throughput: analyzeCustomer vs sentiment libraries (same messages, same run)",
  async run({ quick, corpus }: BenchContext): Promise<TargetResult[]> {
    const rounds = quick ? 3 : 5;
    const messages = mixedMessages(corpus, MESSAGES);
    const chars = messages.reduce((n, t) => n + t.length, 0);
    console.log(
      `${messages.length.toLocaleString("en-US")} real messages (${formatNumber(chars / messages.length, 0)} chars avg),` +
        ` up to ${rounds} timed rounds (engine order rotated) after a ${WARMUP_MESSAGES}-message warm-up; median round reported`,
    );
    const warmup = messages.slice(0, WARMUP_MESSAGES);
    const engines: Engine[] = [];
    const failed: string[] = [];
    for (const name of ENGINE_NAMES) {
      const load = await loadEngine(name, warmup);
      if (load.ok) engines.push(load.engine);
      else failed.push(`${load.name}: ${load.error}`);
    }
    for (const f of failed) console.log(`FAIL could not load ${f}`);

    for (const engine of engines) timeRound(engine, warmup);
    const times = new Map<string, RoundTime[]>(engines.map((e) => [e.name, []]));
    const started = performance.now();
    const budget = quick ? BUDGET_MS.quick : BUDGET_MS.full;
    for (let round = 0; round < rounds && (round < 2 || performance.now() - started < budget); round++) {
      for (const engine of roundOrder(engines, round))
        times.get(engine.name)?.push(timeRound(engine, messages));
    }

    const rate = new Map<string, number>();
    const cpuRate = new Map<string, number>();
    for (const engine of engines) {
      const rounds = times.get(engine.name) ?? [];
      rate.set(engine.name, (messages.length / median(rounds.map((t) => t.wallMs))) * 1000);
      cpuRate.set(engine.name, (messages.length / median(rounds.map((t) => t.cpuMs))) * 1000);
    }
    const keelRate = rate.get(KEEL) ?? Number.NaN;
    printTable(
      [
        "engine",
        "msgs/s (median)",
        "per msg",
        "rounds",
        "best round",
        "keel ×",
        "msgs/CPU-s",
        "load",
        "retained heap",
      ],
      engines.map((e) => {
        const samples = (times.get(e.name) ?? []).map((t) => t.wallMs);
        const r = rate.get(e.name) ?? Number.NaN;
        return [
          e.name,
          formatNumber(r, 0),
          formatMs(1000 / r),
          String(samples.length),
          formatMs(Math.min(...samples)),
          e.name === KEEL ? "—" : `${formatNumber(ratio(keelRate, r), 2)}×`,
          formatNumber(cpuRate.get(e.name) ?? Number.NaN, 0),
          formatMs(e.loadMs),
          formatMb(e.loadHeapBytes),
        ];
      }),
    );

    return Object.entries(TARGETS).map(([peer, minimum]) => {
      const measured = ratio(keelRate, rate.get(peer) ?? Number.NaN);
      return {
        section: "throughput",
        target: `keel ≥ ${minimum >= 1 ? `${minimum}×` : `1/${Math.round(1 / minimum)} of`} ${peer}`,
        measured: Number.isFinite(measured) ? `${formatNumber(measured, 2)}×` : "not measured",
        verdict: verdictOf(measured >= minimum),
      };
    });
  },
};
