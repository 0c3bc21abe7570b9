/** @module CSV import: a column mapping picks the fields; rows that cannot be read are skipped with their line. */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import {
  type ImportItem,
  looksLikeEmail,
  type ParsedImport,
  parseDate,
  type RowProblem,
} from "./import-item.js";

/** Which CSV column holds each field (by header name). `email` and `body` are required. */
export interface CsvMapping {
  email: string;
  body: string;
  name?: string;
  subject?: string;
  /** Rows sharing this column's value form one case; without it each row is its own case. */
  caseId?: string;
  /** Holds `inbound` (default), `outbound` or `note`. */
  direction?: string;
  createdAt?: string;
}

export const DEFAULT_CSV_MAPPING: CsvMapping = {
  email: "email",
  body: "message",
  name: "name",
  subject: "subject",
  caseId: "case_id",
  direction: "direction",
  createdAt: "created_at",
};

const DIRECTIONS = new Set(["inbound", "outbound", "note"]);

type Parsed = { record: Record<string, string>; info: { lines: number } };

export function parseCsvImport(
  text: string,
  mapping: CsvMapping = DEFAULT_CSV_MAPPING,
): ParsedImport | { error: string } {
  let rows: Parsed[];
  try {
    rows = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as Parsed[];
  } catch (error) {
    return { error: `The CSV cannot be read: ${(error as Error).message}` };
  }
  const headers = new Set(Object.keys(rows[0]?.record ?? {}));
  for (const required of [mapping.email, mapping.body]) {
    if (rows.length > 0 && !headers.has(required)) return { error: `The CSV has no column "${required}".` };
  }
  const items: ImportItem[] = [];
  const skipped: RowProblem[] = [];
  for (const { record, info } of rows) {
    const where = `line ${info.lines}`;
    const get = (column: string | undefined) => (column === undefined ? "" : (record[column] ?? "").trim());
    const email = get(mapping.email);
    const body = get(mapping.body);
    const direction = get(mapping.direction).toLowerCase() || "inbound";
    const at = parseDate(get(mapping.createdAt));
    const problem = !looksLikeEmail(email)
      ? `"${email}" is not an email address`
      : body === ""
        ? "the message is empty"
        : !DIRECTIONS.has(direction)
          ? `direction "${direction}" is not inbound, outbound or note`
          : at === "invalid"
            ? `"${get(mapping.createdAt)}" is not a date`
            : undefined;
    if (problem !== undefined) {
      skipped.push({ where, reason: problem });
      continue;
    }
    const digest = createHash("sha256").update(JSON.stringify(record)).digest("hex").slice(0, 32);
    items.push({
      where,
      caseKey: get(mapping.caseId) || `row:${digest}`,
      subject: get(mapping.subject) || body.slice(0, 80),
      customer: { email, name: get(mapping.name) },
      direction: direction as ImportItem["direction"],
      body,
      at: at === "invalid" ? undefined : at,
      externalId: `import:csv:${digest}`,
    });
  }
  return { items, skipped };
}
