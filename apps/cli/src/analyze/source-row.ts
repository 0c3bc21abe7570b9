/** @module What readers produce: a row ready to analyse, or a bad row with where it was and why it was skipped. */

/** One input row, normalised: the texts to analyse and where the row came from. */
export interface SourceRow {
  /** Where the row starts in the input, for messages ("line 12", "element 3"). */
  where: string;
  id: string | number;
  customer: string | null;
  reply: string | null;
}

export interface BadRow {
  where: string;
  reason: string;
}

export type ReadItem = { ok: true; row: SourceRow } | { ok: false; bad: BadRow };

/** A problem with the input as a whole (not one row): reading stops. Exit code 2 for usage errors. */
export interface InputError {
  fatal: string;
  exitCode: 1 | 2;
}

export type ReaderItem = ReadItem | InputError;

/** Reads one input format as rows, in input order. */
export type RowReader = (input: NodeJS.ReadableStream, columns: ColumnNames) => AsyncIterable<ReaderItem>;

/** Which fields of a record hold the id, the customer message and the agent reply. */
export interface ColumnNames {
  id: string;
  customer: string;
  reply: string;
}

export const DEFAULT_COLUMNS: ColumnNames = { id: "id", customer: "customer", reply: "reply" };

type TextField = { ok: true; text: string | null } | { ok: false; reason: string };

function readText(record: Record<string, unknown>, column: string): TextField {
  const value = record[column];
  if (value === undefined || value === null) return { ok: true, text: null };
  if (typeof value !== "string")
    return { ok: false, reason: `"${column}" must be a string, got ${typeOf(value)}` };
  // An empty cell means "not given": exports often carry rows with only one side of the conversation.
  return { ok: true, text: value.trim() === "" ? null : value };
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? "array" : typeof value;
}

/**
 * Picks id, customer and reply out of one parsed record. `position` is the 1-based row number,
 * used as the id when the record has none.
 */
export function toSourceRow(
  record: unknown,
  columns: ColumnNames,
  position: number,
  where: string,
): ReadItem {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { ok: false, bad: { where, reason: `expected an object, got ${typeOf(record)}` } };
  }
  const fields = record as Record<string, unknown>;
  const customer = readText(fields, columns.customer);
  if (!customer.ok) return { ok: false, bad: { where, reason: customer.reason } };
  const reply = readText(fields, columns.reply);
  if (!reply.ok) return { ok: false, bad: { where, reason: reply.reason } };
  if (customer.text === null && reply.text === null) {
    return {
      ok: false,
      bad: { where, reason: `neither "${columns.customer}" nor "${columns.reply}" has text` },
    };
  }
  const rawId = fields[columns.id];
  let id: string | number = position;
  if (typeof rawId === "string" && rawId.trim() !== "") id = rawId;
  else if (typeof rawId === "number" && Number.isFinite(rawId)) id = rawId;
  else if (rawId !== undefined && rawId !== null && rawId !== "") {
    return {
      ok: false,
      bad: { where, reason: `"${columns.id}" must be a string or a number, got ${typeOf(rawId)}` },
    };
  }
  return { ok: true, row: { where, id, customer: customer.text, reply: reply.text } };
}
