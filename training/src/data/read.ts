/** @module Reading the shared data files (CSV, TSV, JSON Lines) with no dependencies; a missing file is a value, not a throw. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** `KEEL_DATA_DIR` when set, else the shared data folder next to the repository. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KEEL_DATA_DIR ? resolve(env.KEEL_DATA_DIR) : resolve(REPO_ROOT, "../shared/data");
}

export type Rows<T> = { ok: true; rows: T[] } | { ok: false; reason: string };

/** Path of a file under the shared data folder (`KEEL_DATA_DIR` or `<repo>/../shared/data`). */
export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}

export function readText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV with a header row → objects keyed by header name. */
export function readCsvObjects(path: string): Rows<Record<string, string>> {
  const text = readText(path);
  if (text === null) return { ok: false, reason: `missing ${path}` };
  const [header, ...body] = parseCsv(text);
  if (!header) return { ok: false, reason: `empty ${path}` };
  const rows = body
    .filter((r) => r.length > 1 || (r[0] ?? "") !== "")
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
  return { ok: true, rows };
}

export function readJsonLines(path: string): Rows<unknown> {
  const text = readText(path);
  if (text === null) return { ok: false, reason: `missing ${path}` };
  return {
    ok: true,
    rows: text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as unknown),
  };
}
