/** @module Table output: one aligned line per row for people to scan, then a summary of the whole file. */
import { ANGER_LEVEL_NAMES, PROBLEM_LABELS, REPLY_LABELS, type ReplyLabel, THREAT_KINDS } from "@keel/coach";
import type { BatchStats } from "../batch-stats.js";
import type { OutputRow } from "../output-row.js";
import type { OutputFormat } from "./output-format.js";

/** Practices whose absence an agent should notice first; the table lists the missing ones. */
const KEY_PRACTICES: readonly ReplyLabel[] = [
  "acknowledges",
  "apology_sincere",
  "empathy",
  "next_step",
  "timeline",
];

interface Column {
  title: string;
  width: number;
  right?: boolean;
}

const COLUMNS: readonly Column[] = [
  { title: "id", width: 16 },
  { title: "anger", width: 12 },
  { title: "abuse", width: 5 },
  { title: "threats", width: 20 },
  { title: "score", width: 5, right: true },
  { title: "problems", width: 32 },
  { title: "missing", width: 38 },
];

/** Short names so a row's labels fit their column. */
const SHORT: Partial<Record<ReplyLabel, string>> = {
  acknowledges: "ack",
  apology_sincere: "apology",
  next_step: "next step",
  non_apology: "non-apology",
  negative_language: "negative",
};
const short = (label: ReplyLabel): string => SHORT[label] ?? label;

/** Summary width: items joined by " · " wrap onto indented lines. */
const SUMMARY_WIDTH = 110;

function fit(text: string, col: Column): string {
  const cut = text.length > col.width ? `${text.slice(0, col.width - 1)}…` : text;
  return col.right ? cut.padStart(col.width) : cut.padEnd(col.width);
}

function line(cells: readonly string[]): string {
  return `${COLUMNS.map((col, i) => fit(cells[i] ?? "", col))
    .join("  ")
    .trimEnd()}\n`;
}

function rowCells(row: OutputRow): string[] {
  const c = row.customer;
  const r = row.reply;
  const none = "–";
  return [
    String(row.id),
    c ? `${c.anger} ${ANGER_LEVEL_NAMES[c.anger_level as 0 | 1 | 2 | 3] ?? ""}` : none,
    c ? (c.abusive ? "yes" : "no") : none,
    c ? [...new Set(c.threats.map((t) => t.kind))].join(",") : none,
    r ? String(r.score) : none,
    r
      ? PROBLEM_LABELS.filter((l) => r.labels[l])
          .map(short)
          .join(",")
      : none,
    r
      ? KEY_PRACTICES.filter((l) => !r.labels[l])
          .map(short)
          .join(",")
      : none,
  ];
}

const pct = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : "–");

function summary(s: BatchStats, failed: number): string {
  const out: string[] = ["", "Summary"];
  const add = (label: string, value: string) => {
    const indent = " ".repeat(21);
    let line = `  ${label.padEnd(18)} `;
    for (const [i, part] of value.split(" · ").entries()) {
      const piece = i === 0 ? part : ` · ${part}`;
      if (i > 0 && line.length + piece.length > SUMMARY_WIDTH) {
        out.push(line);
        line = indent + part;
      } else line += piece;
    }
    out.push(line);
  };
  add("rows analysed", `${s.rows}${failed ? ` (${failed} skipped as bad rows)` : ""}`);
  if (s.customerRows) {
    add(
      "customer messages",
      `${s.customerRows}, average anger ${(s.angerSum / s.customerRows).toFixed(1)}/100`,
    );
    add(
      "anger levels",
      ANGER_LEVEL_NAMES.map((name, i) => `${name} ${pct(s.angerLevels[i as 0] ?? 0, s.customerRows)}`).join(
        " · ",
      ),
    );
    add("abusive", `${s.abusive} (${pct(s.abusive, s.customerRows)})`);
    add("repeat contact", `${s.repeatContact} (${pct(s.repeatContact, s.customerRows)})`);
    const threats = THREAT_KINDS.filter((k) => s.threats[k] > 0).map((k) => `${k} ${s.threats[k]}`);
    add("threats", threats.length ? threats.join(" · ") : "none");
  }
  if (s.replyRows) {
    add("replies", `${s.replyRows}, average score ${(s.scoreSum / s.replyRows).toFixed(1)}/100`);
    const practices = REPLY_LABELS.filter((l) => !PROBLEM_LABELS.includes(l) && l !== "escalation_needed");
    add("practices shown", practices.map((l) => `${l} ${pct(s.labels[l], s.replyRows)}`).join(" · "));
    add("problems found", PROBLEM_LABELS.map((l) => `${l} ${pct(s.labels[l], s.replyRows)}`).join(" · "));
    add(
      "needs escalation",
      `${s.labels.escalation_needed} (${pct(s.labels.escalation_needed, s.replyRows)})`,
    );
  }
  return `${out.join("\n")}\n`;
}

export function tableFormat(): OutputFormat {
  return {
    header: () =>
      line(COLUMNS.map((c) => c.title)) +
      line(COLUMNS.map((c) => "─".repeat(c.width))).replace(/ +\n$/, "\n"),
    rows: (rows) => rows.map((r) => line(rowCells(r))),
    footer: summary,
  };
}
