/** @module What every import format is reduced to: one message of a conversation, with the line it came from. */

export interface ImportItem {
  /** 1-based line (CSV) or position (`ticket 3, comment 2`) for the report. */
  where: string;
  /** Items with the same key belong to one case. */
  caseKey: string;
  subject: string;
  /** The customer: their email, and name when known. */
  customer: { email: string; name: string };
  direction: "inbound" | "outbound" | "note";
  body: string;
  at: Date | undefined;
  /** Stable id, so importing the same file twice adds nothing the second time. */
  externalId: string;
}

export interface RowProblem {
  where: string;
  reason: string;
}

/** A format's reading of a file: the items it could read and the rows it had to skip. */
export interface ParsedImport {
  items: ImportItem[];
  skipped: RowProblem[];
}

export function parseDate(value: unknown): Date | undefined | "invalid" {
  if (value === undefined || value === null || value === "") return undefined;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? "invalid" : date;
}

export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
