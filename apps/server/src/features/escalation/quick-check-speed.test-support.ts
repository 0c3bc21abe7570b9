/**
 * @module Speed of the quick look after an inbound message (no database): CPU time per check on random threads of
 * 10, 70 and 200 messages, the usual case (the kept thread, the previous message now committed and the new one
 * written by the checking transaction), against the full evaluation of the same thread. An older check can be put
 * alongside: `OLD_CHECK=<module exporting judgeThreadOld, same signature as judgeThread>`. Variants are interleaved
 * within each round; CPU time (process.cpuUsage), so other work on the machine weighs less.
 *
 *   npx tsx apps/server/src/features/escalation/quick-check-speed.test-support.ts
 *
 * (tsx wraps every closure to keep its name, which costs; a bundle without that, as `tsc` output runs, is closer
 * to the server: `npx esbuild <this file> --bundle --platform=node --format=esm --packages=external --outfile=…`.)
 */
import type { EscalationRule } from "@keel/contracts";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";
import { caseFacts } from "./facts.js";
import { judgeThread, type KeptThread, type LoadedRow } from "./inbound-check.js";
import { type CaseWithCustomer, loadedThread } from "./load-thread.js";
import { prepareThread } from "./prepare.js";
import { randomCase, randomRows, randomSource } from "./random-threads.test-support.js";
import { evaluateRules, signalOptionsFor } from "./rules.js";
import { emptyScan, escalationSignalsOf } from "./signals.js";

type Judge = (
  found: CaseWithCustomer,
  rules: readonly EscalationRule[],
  base: never,
  added: readonly LoadedRow[],
  now: Date,
) => { quiet: boolean; keep: unknown };

const NOW = new Date("2026-11-20T12:00:00Z");
const CASES = 20;
const ROUNDS = 5;
const rules = DEFAULT_ESCALATION_RULES;

interface Setup {
  found: CaseWithCustomer;
  rows: LoadedRow[];
  added: LoadedRow[];
}

function setups(n: number): Setup[] {
  const r = randomSource(n);
  return Array.from({ length: CASES }, (_, i) => {
    const found = { ...randomCase(r, `case-${i}`), status: "open" as const };
    const rows = randomRows(r, n, `c${i}`);
    const previous = rows[n - 2];
    const last = rows[n - 1];
    const added = [...(previous ? [previous] : []), ...(last ? [{ ...last, own: true }] : [])];
    return { found, rows, added };
  });
}

/** The thread a judge keeps of the first messages, and a check of the last two against it. */
function variant(judge: Judge, nothingKept: unknown, set: readonly Setup[]) {
  const kept = set.map((s) => judge(s.found, rules, nothingKept as never, s.rows.slice(0, -2), NOW).keep);
  return () => {
    let quiet = 0;
    for (const [i, s] of set.entries())
      if (judge(s.found, rules, kept[i] as never, s.added, NOW).quiet) quiet++;
    return quiet;
  };
}

/** The full evaluation of the whole thread, as a check that kept nothing would work. */
function full(set: readonly Setup[]) {
  return () => {
    let quiet = 0;
    for (const s of set) {
      const { thread } = loadedThread(
        s.found,
        s.rows.filter((m) => !m.aside),
        NOW,
      );
      const msgs = prepareThread(thread);
      const signals = escalationSignalsOf(msgs, thread, signalOptionsFor(rules));
      const outcomes = evaluateRules(rules, caseFacts(msgs, thread), signals);
      if (!outcomes.some((o) => o.fires && o.rule.action.kind === "escalate")) quiet++;
    }
    return quiet;
  };
}

async function main() {
  const oldPath = process.env.OLD_CHECK;
  const old = oldPath ? ((await import(oldPath)) as { judgeThreadOld: Judge }).judgeThreadOld : undefined;
  const nothingKept: KeptThread = { scan: emptyScan(false), total: 0, newestAt: -1 };
  for (const n of [10, 70, 200]) {
    const set = setups(n);
    const variants: Array<[string, () => number]> = [
      ["new", variant(judgeThread as unknown as Judge, nothingKept, set)],
      ...(old
        ? [["old", variant(old, { msgs: [], total: 0, newestAt: -1 }, set)] as [string, () => number]]
        : []),
      ["full", full(set)],
    ];
    const reps = Math.max(50, Math.round(20_000 / n));
    const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    const answers = new Map<string, number>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, run] of variants) {
        const start = process.cpuUsage();
        let quiet = 0;
        for (let i = 0; i < reps; i++) quiet += run();
        const used = process.cpuUsage(start);
        // Round 0 warms up.
        if (round > 0) times.get(name)?.push((used.user + used.system) / (reps * set.length));
        answers.set(name, quiet);
      }
    }
    const line = variants.map(([name]) => {
      const t = times.get(name) ?? [];
      return `${name} ${Math.min(...t).toFixed(1)}–${Math.max(...t).toFixed(1)} µs`;
    });
    const quiet = [...new Set(answers.values())].length === 1 ? "same answers" : "ANSWERS DIFFER";
    console.log(`${String(n).padStart(3)} messages: ${line.join(" | ")} (${quiet})`);
  }
}

await main();
