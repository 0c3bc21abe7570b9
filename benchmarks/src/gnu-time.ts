/** @module Reads the resource report `/usr/bin/time -v` appends to a child's stderr. */

export interface GnuTimeReport {
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  maxRssKb: number;
  /** CPU use as a percentage of one core, e.g. 180 for nearly two busy cores. */
  cpuPercent: number;
}

const MARKER = "\tCommand being timed:";

function field(text: string, label: string): string | undefined {
  const line = text.split("\n").find((l) => l.trimStart().startsWith(label));
  return line?.slice(line.lastIndexOf(": ") + 2).trim();
}

/** "1:02:03", "2:03.45" or "3.2" as seconds. */
export function parseClock(value: string): number {
  const parts = value.split(":").map(Number);
  if (parts.some((p) => Number.isNaN(p))) return Number.NaN;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Splits stderr into the child's own output and the parsed report (null when `time -v` printed none). */
export function parseGnuTime(stderr: string): { childStderr: string; report: GnuTimeReport | null } {
  const at = stderr.lastIndexOf(MARKER);
  if (at < 0) return { childStderr: stderr, report: null };
  const block = stderr.slice(at);
  const wall = field(block, "Elapsed (wall clock) time");
  const rss = field(block, "Maximum resident set size");
  if (wall === undefined || rss === undefined) return { childStderr: stderr, report: null };
  return {
    // time's own one-line note on a failed child sits just before the report.
    childStderr: stderr
      .slice(0, at)
      .replace(/Command (?:exited with non-zero status|terminated by signal) \d+\n?$/, ""),
    report: {
      wallSeconds: parseClock(wall),
      userSeconds: Number(field(block, "User time (seconds)") ?? Number.NaN),
      systemSeconds: Number(field(block, "System time (seconds)") ?? Number.NaN),
      maxRssKb: Number(rss),
      cpuPercent: Number((field(block, "Percent of CPU this job got") ?? "").replace("%", "")),
    },
  };
}
