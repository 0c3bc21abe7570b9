/** @module Plain-text aligned tables for evaluation reports printed to a terminal. */

export type Cell = string | number | null;

/** Numbers (scores) print with `digits` decimals, `null` as an en dash so missing values are visible; pass counts as strings. */
export function formatCell(value: Cell, digits = 3): string {
  if (value === null) return "–";
  if (typeof value === "number") return value.toFixed(digits);
  return value;
}

/** Left-aligns the first column and right-aligns the rest, with a rule under the header. */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = [headers, ...rows.map((r) => r.map((c) => formatCell(c)))];
  const widths = headers.map((_, col) => Math.max(...text.map((r) => (r[col] ?? "").length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, col) => {
        const c = cells[col] ?? "";
        return col === 0 ? c.padEnd(w) : c.padStart(w);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(text[0] ?? []), rule, ...text.slice(1).map(line)].join("\n");
}
