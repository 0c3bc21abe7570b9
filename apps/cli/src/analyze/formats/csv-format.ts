/** @module CSV output: one flat column per output field, derived from the output row so new fields appear by themselves. */
import { analyzeCustomer, coachReply } from "@keel/coach";
import { stringify } from "csv-stringify/sync";
import { type OutputRow, toOutputRow } from "../output-row.js";
import type { OutputFormat } from "./output-format.js";

type Cell = string | number | boolean;

/** Arrays become one readable cell: facts as "kind:value", threats as their kind, strings joined. */
function arrayCell(items: readonly unknown[]): string {
  return items
    .map((item) => {
      if (typeof item !== "object" || item === null) return String(item);
      const o = item as Record<string, unknown>;
      if (typeof o.kind === "string" && typeof o.value === "string") return `${o.kind}:${o.value}`;
      if (typeof o.kind === "string") return o.kind;
      return JSON.stringify(item);
    })
    .join(" | ");
}

/** Flattens nested objects into dotted keys ("reply.labels.blame"). */
export function flattenRow(
  value: unknown,
  prefix = "",
  out: Map<string, Cell> = new Map(),
): Map<string, Cell> {
  if (Array.isArray(value)) out.set(prefix, arrayCell(value));
  else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value))
      flattenRow(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    out.set(prefix, value);
  }
  return out;
}

let cachedColumns: string[] | undefined;

/** Every column a fully populated row has, in output order. */
export function csvColumns(): string[] {
  if (!cachedColumns) {
    const sample = "Sample message.";
    const full = toOutputRow(1, analyzeCustomer(sample), coachReply(sample, sample));
    cachedColumns = [...flattenRow(full).keys()];
  }
  return cachedColumns;
}

function toCells(row: OutputRow, columns: readonly string[]): Cell[] {
  const flat = flattenRow(row);
  return columns.map((c) => flat.get(c) ?? "");
}

export function csvFormat(): OutputFormat {
  const columns = csvColumns();
  return {
    header: () => stringify([columns]),
    rows: (rows) =>
      rows.length
        ? [
            stringify(
              rows.map((r) => toCells(r, columns)),
              { cast: { boolean: String } },
            ),
          ]
        : [],
    footer: () => "",
  };
}
