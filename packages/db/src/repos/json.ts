/** @module jsonb parameters: sent as JSON text, since node-postgres would turn a JS array into a PostgreSQL array. */
import { type RawBuilder, sql } from "kysely";
import type { JsonValue } from "../schema.js";

export const jsonb = (value: JsonValue): RawBuilder<JsonValue> =>
  sql<JsonValue>`${JSON.stringify(value)}::jsonb`;

export const jsonbOrNull = (value: JsonValue | null | undefined): RawBuilder<JsonValue> | null =>
  value === null || value === undefined ? null : jsonb(value);
