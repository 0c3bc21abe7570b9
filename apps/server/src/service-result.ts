/** @module Results of feature services: expected failures as values carrying an `ErrorCode`, never throws. */
import type { Database, DbResult, JsonValue } from "@keel/db";
import type { Kysely } from "kysely";
import { AppError, type ErrorCode } from "./errors.js";

export interface ServiceError {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = <T = never>(code: ErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

const DB_TO_APP: Record<string, ErrorCode> = {
  not_found: "not_found",
  duplicate: "duplicate",
  invalid: "unprocessable",
  conflict: "conflict",
  too_large: "payload_too_large",
  in_progress: "conflict",
};

/** A repository result as a service result (database codes mapped to API codes). */
export function fromDb<T>(result: DbResult<T>, field?: string): Result<T> {
  if (result.ok) return result;
  return failure(DB_TO_APP[result.error.code] ?? "conflict", result.error.message, field);
}

/** For routes: the value, or the failure thrown as an AppError for the one error handler to map. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.field);
}

/** JSON-safe copy of a plain result object (coach results, audit snapshots) for jsonb columns. */
export function toJson<T>(value: T): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

class RolledBack extends Error {
  constructor(readonly failure: ServiceError) {
    super(failure.message);
  }
}

/**
 * Runs `work` in a transaction that commits on success and rolls back when it returns a failure (a failed
 * statement leaves a PostgreSQL transaction unable to commit anyway).
 */
export async function transact<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new RolledBack(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, error: error.failure };
    throw error;
  }
}
