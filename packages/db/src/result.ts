/** @module Results for expected failures (duplicate, not found, …) and the mapping from PostgreSQL error codes. */

export type DbErrorCode =
  | "not_found"
  | "duplicate"
  | "invalid"
  | "conflict"
  | "too_large"
  | "in_progress"
  | "migration_failed"
  | "data_dir_locked"
  | "start_failed";

export interface DbError {
  code: DbErrorCode;
  message: string;
}

export type DbResult<T> = { ok: true; value: T } | { ok: false; error: DbError };

export const ok = <T>(value: T): DbResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: DbErrorCode, message: string): DbResult<T> => ({
  ok: false,
  error: { code, message },
});

interface PgErrorLike {
  code: string;
  constraint?: string;
  detail?: string;
}

const isPgError = (error: unknown): error is PgErrorLike =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  typeof (error as { code: unknown }).code === "string";

/**
 * Turns the constraint violations a repository expects into values; anything else (a lost connection,
 * a syntax error) is a bug or an outage and is re-thrown.
 */
export function constraintFailure<T = never>(error: unknown, what: string): DbResult<T> {
  if (!isPgError(error)) throw error;
  const where = error.constraint ? ` (${error.constraint})` : "";
  switch (error.code) {
    case "23505":
      return fail("duplicate", `${what} already exists${where}`);
    case "23503":
      return fail("not_found", `${what} refers to a row that does not exist${where}`);
    case "23514":
    case "23502":
    case "22P02":
      return fail("invalid", `${what} is invalid${where}`);
    default:
      throw error;
  }
}

/** Runs a write and maps expected constraint violations to a failed result. */
export async function guarded<T>(what: string, write: () => Promise<DbResult<T>>): Promise<DbResult<T>> {
  try {
    return await write();
  } catch (error) {
    return constraintFailure<T>(error, what);
  }
}

/** A row returned by an UPDATE/DELETE … RETURNING, or not_found when no row matched. */
export const found = <T>(row: T | undefined, what: string, id: string): DbResult<T> =>
  row === undefined ? notFound(what, id) : ok(row);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs; a malformed one names no row, rather than being a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);

export const notFound = <T = never>(what: string, id: string): DbResult<T> =>
  fail("not_found", `${what} ${id} not found`);
