/** @module Locating and reading the labelled reply pairs (shared data folder and the coach's own fixtures). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { REPLY_LABELS, type ReplyLabel, THREAT_KINDS } from "@keel/coach";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** `KEEL_DATA_DIR` when set, else the shared data folder next to the repository. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KEEL_DATA_DIR ? resolve(env.KEEL_DATA_DIR) : resolve(REPO_ROOT, "../shared/data");
}

export const FIXTURES_DIR = join(REPO_ROOT, "packages/coach/fixtures");

export type ThreatLabel = "none" | (typeof THREAT_KINDS)[number];

export interface CustomerLabels {
  anger: 0 | 1 | 2 | 3;
  abusive: boolean;
  threat: ThreatLabel;
  repeat_contact: boolean;
}

export interface LabelledPair {
  id: string;
  customer: string;
  reply: string;
  labels: Record<ReplyLabel, boolean>;
  customer_labels: CustomerLabels;
  /** Own fixtures only: `tune` rows may guide detector work, `holdout` rows never do. */
  split?: "tune" | "holdout";
}

export type ReadResult =
  | { ok: true; rows: LabelledPair[]; skipped: string[] }
  | { ok: false; reason: "missing" | "unreadable"; path: string };

const THREATS: readonly string[] = ["none", ...THREAT_KINDS];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Checks one parsed line; returns the problem in words, or the typed pair. */
export function toPair(value: unknown): LabelledPair | string {
  if (!isRecord(value)) return "not an object";
  const { id, customer, reply, labels, customer_labels: cl, split } = value;
  if (typeof id !== "string" || typeof customer !== "string" || typeof reply !== "string") {
    return "id, customer and reply must be strings";
  }
  if (!isRecord(labels)) return `${id}: labels missing`;
  const missing = REPLY_LABELS.filter((l) => typeof labels[l] !== "boolean");
  if (missing.length > 0) return `${id}: labels not boolean: ${missing.join(", ")}`;
  if (!isRecord(cl)) return `${id}: customer_labels missing`;
  const anger = cl.anger;
  if (anger !== 0 && anger !== 1 && anger !== 2 && anger !== 3) return `${id}: anger must be 0-3`;
  if (typeof cl.abusive !== "boolean" || typeof cl.repeat_contact !== "boolean") {
    return `${id}: abusive and repeat_contact must be boolean`;
  }
  if (typeof cl.threat !== "string" || !THREATS.includes(cl.threat)) return `${id}: unknown threat`;
  if (split !== undefined && split !== "tune" && split !== "holdout") return `${id}: unknown split`;
  const pair: LabelledPair = {
    id,
    customer,
    reply,
    labels: labels as Record<ReplyLabel, boolean>,
    customer_labels: {
      anger,
      abusive: cl.abusive,
      threat: cl.threat as ThreatLabel,
      repeat_contact: cl.repeat_contact,
    },
  };
  if (split !== undefined) pair.split = split;
  return pair;
}

/** Parses JSON Lines text; blank lines are ignored, bad lines are reported in `skipped` with their line number. */
export function parsePairs(text: string): { rows: LabelledPair[]; skipped: string[] } {
  const rows: LabelledPair[] = [];
  const skipped: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      skipped.push(`line ${i + 1}: invalid JSON`);
      return;
    }
    const pair = toPair(parsed);
    if (typeof pair === "string") skipped.push(`line ${i + 1}: ${pair}`);
    else rows.push(pair);
  });
  return { rows, skipped };
}

export function readPairs(path: string): ReadResult {
  if (!existsSync(path)) return { ok: false, reason: "missing", path };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ok: false, reason: "unreadable", path };
  }
  return { ok: true, ...parsePairs(text) };
}
