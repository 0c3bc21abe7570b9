/** @module Plain-text tables and the pass/fail verdicts each section hands to the final summary. */

export type Verdict = "PASS" | "FAIL" | "SKIPPED";

/** One target a section checks, e.g. "p99 coachReply < 2 ms". */
export interface TargetResult {
  section: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

export function verdictOf(ok: boolean): Verdict {
  return ok ? "PASS" : "FAIL";
}

/** Right-aligns cells that look numeric so columns of figures line up. */
function looksNumeric(cell: string): boolean {
  return /^[-+]?[\d,.]+(?:\s?[a-zµ/×%]+)?$|^n\/a$/i.test(cell);
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? cell.length;
        return i > 0 && looksNumeric(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function printSection(title: string): void {
  console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 76 - title.length))}`);
}

export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  console.log(formatTable(headers, rows));
}
