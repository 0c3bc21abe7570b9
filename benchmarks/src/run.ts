/** @module `npm run bench`: runs each benchmark section and ends with a PASS/FAIL summary against the targets. */
import { cpus, loadavg } from "node:os";
import { type BenchContext, type Section, sink } from "./context.js";
import { loadCorpus, resolveDataDir } from "./data.js";
import { canForceGc } from "./heap.js";
import { printSection, printTable, type TargetResult } from "./report.js";
import { cliBatchSection } from "./sections/cli-batch.js";
import { coachLatencySection } from "./sections/coach-latency.js";
import { ingestSection } from "./sections/ingest.js";
import { pathologicalSection } from "./sections/pathological.js";
import { throughputSection } from "./sections/throughput.js";
import { webSection } from "./sections/web.js";

const SECTIONS: readonly Section[] = [
  throughputSection,
  coachLatencySection,
  pathologicalSection,
  cliBatchSection,
  ingestSection,
  webSection,
];

interface Flags {
  quick: boolean;
  only: Set<string> | null;
}

function parseFlags(argv: readonly string[]): Flags | string {
  const flags: Flags = { quick: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") flags.quick = true;
    else if (arg === "--only" || arg?.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++i] : arg.slice("--only=".length);
      const ids = (value ?? "").split(",").filter(Boolean);
      const unknown = ids.filter((id) => !SECTIONS.some((s) => s.id === id));
      if (ids.length === 0 || unknown.length > 0)
        return `--only expects section ids from: ${SECTIONS.map((s) => s.id).join(", ")}`;
      flags.only = new Set(ids);
    } else if (arg === "--help" || arg === "-h")
      return "usage: npm run bench -- [--quick] [--only throughput,latency,pathological,cli,ingest,web]";
    else return `unknown flag ${arg}`;
  }
  return flags;
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (typeof flags === "string") {
    console.error(flags);
    return 2;
  }
  const started = performance.now();
  const dataDir = resolveDataDir();
  const corpus = loadCorpus(dataDir);
  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Keel bench${flags.quick ? " (--quick)" : ""}: Node ${process.version}, ${cpus().length} × ${cpuModel}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `data: ${dataDir} — ${corpus.customerTurns.length} customer turns, ${corpus.agentReplies.length} agent replies, ${corpus.goEmotions.length} GoEmotions, ${corpus.davidson.length} Davidson tweets; forced GC ${canForceGc() ? "on" : "off"}`,
  );
  if (corpus.customerTurns.length + corpus.goEmotions.length + corpus.davidson.length === 0) {
    console.error(`FAIL no messages found under ${dataDir} (set KEEL_DATA_DIR)`);
    return 1;
  }

  const context: BenchContext = { quick: flags.quick, corpus };
  const results: TargetResult[] = [];
  let crashed = false;
  for (const section of SECTIONS) {
    if (flags.only && !flags.only.has(section.id)) continue;
    printSection(section.title);
    const sectionStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    try {
      results.push(...(await section.run(context)));
    } catch (error) {
      crashed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(`FAIL section crashed: ${message}`);
      results.push({ section: section.id, target: "section runs", measured: "crashed", verdict: "FAIL" });
    }
    const wallMs = performance.now() - sectionStarted;
    const cpu = process.cpuUsage(cpuStarted);
    // A share well under 100% means other processes took the CPU and in-process times are inflated.
    const share = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
    console.log(`(${(wallMs / 1000).toFixed(1)} s; this process got ${share.toFixed(0)}% of one core)`);
  }

  printSection("Summary");
  printTable(
    ["section", "target", "measured", "verdict"],
    results.map((r) => [r.section, r.target, r.measured, r.verdict]),
  );
  const failed = results.filter((r) => r.verdict === "FAIL").length;
  console.log(
    `\n${failed === 0 ? "ALL TARGETS MET" : `FAIL: ${failed} of ${results.length} targets missed`} in ${((performance.now() - started) / 1000).toFixed(0)} s (peak RSS of the bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, checksum ${sink.value.toFixed(0)})`,
  );
  return crashed ? 1 : 0;
}

process.exitCode = await main();
