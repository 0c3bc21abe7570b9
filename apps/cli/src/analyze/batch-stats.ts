/** @module Running totals over analysed rows, merged across batches, for the table summary and the final report. */
import { REPLY_LABELS, type ReplyLabel, THREAT_KINDS, type ThreatKind } from "@keel/coach";
import type { OutputRow } from "./output-row.js";

export interface BatchStats {
  rows: number;
  customerRows: number;
  replyRows: number;
  angerSum: number;
  /** Count of customer messages per anger level 0–3. */
  angerLevels: [number, number, number, number];
  abusive: number;
  repeatContact: number;
  threats: Record<ThreatKind, number>;
  scoreSum: number;
  /** How many replies had each label true. */
  labels: Record<ReplyLabel, number>;
}

export function emptyStats(): BatchStats {
  return {
    rows: 0,
    customerRows: 0,
    replyRows: 0,
    angerSum: 0,
    angerLevels: [0, 0, 0, 0],
    abusive: 0,
    repeatContact: 0,
    threats: Object.fromEntries(THREAT_KINDS.map((k) => [k, 0])) as Record<ThreatKind, number>,
    scoreSum: 0,
    labels: Object.fromEntries(REPLY_LABELS.map((l) => [l, 0])) as Record<ReplyLabel, number>,
  };
}

export function addRow(stats: BatchStats, row: OutputRow): void {
  stats.rows++;
  const c = row.customer;
  if (c) {
    stats.customerRows++;
    stats.angerSum += c.anger;
    const level = Math.max(0, Math.min(3, c.anger_level)) as 0 | 1 | 2 | 3;
    stats.angerLevels[level]++;
    if (c.abusive) stats.abusive++;
    if (c.repeat_contact) stats.repeatContact++;
    for (const kind of new Set(c.threats.map((t) => t.kind))) stats.threats[kind]++;
  }
  const r = row.reply;
  if (r) {
    stats.replyRows++;
    stats.scoreSum += r.score;
    for (const label of REPLY_LABELS) if (r.labels[label]) stats.labels[label]++;
  }
}

/** Adds `more` into `into`. */
export function mergeStats(into: BatchStats, more: BatchStats): void {
  into.rows += more.rows;
  into.customerRows += more.customerRows;
  into.replyRows += more.replyRows;
  into.angerSum += more.angerSum;
  for (let i = 0; i < 4; i++) into.angerLevels[i as 0 | 1 | 2 | 3] += more.angerLevels[i as 0 | 1 | 2 | 3];
  into.abusive += more.abusive;
  into.repeatContact += more.repeatContact;
  into.scoreSum += more.scoreSum;
  for (const kind of THREAT_KINDS) into.threats[kind] += more.threats[kind];
  for (const label of REPLY_LABELS) into.labels[label] += more.labels[label];
}
