/** @module jsonb parameters: sent as JSON text, since node-postgres would turn a JS array into a PostgreSQL array. */
import { type RawBuilder, sql } from "kysely";
import type { JsonValue } from "../schema.js";

export const jsonb = (value: JsonValue): RawBuilder<JsonValue> =>
  sql<JsonValue>`${JSON.stringify(value)}::jsonb`;

export const jsonbOrNull = (value: JsonValue | null | undefined): RawBuilder<JsonValue> | null =>
  value === null || value === undefined ? null : jsonb(value);

/**
 * A row read back as JSON (`to_jsonb(t)` or `to_json(t)`, to return several rows from one statement) as the row type again:
 * timestamp columns, all named `…_at`, come back as ISO strings and become Dates.
 */
export function rowFromJson<T>(value: JsonValue | null): T | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  // One pass building the copy (a spread and then `Object.entries` allocated a pair per column, twice per message).
  const row: Record<string, unknown> = {};
  for (const key in value) {
    const field = value[key];
    row[key] = key.endsWith("_at") && typeof field === "string" ? new Date(field) : field;
  }
  return row as T;
}
