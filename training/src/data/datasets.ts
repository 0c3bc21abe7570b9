/** @module Typed loaders for the labelled sets the models train or are evaluated on. */
import { join } from "node:path";
import { dataPath, type Rows, readCsvObjects, readText } from "./read.js";

export interface MultiLabelRow {
  text: string;
  labels: number[];
}

export interface ClassRow {
  text: string;
  label: number;
}

/** GoEmotions TSV (`text \t ids \t comment_id`) plus the label names from emotions.txt. */
export function readGoEmotions(
  split: "train" | "dev",
  dir = dataPath("goemotions"),
): { ok: true; rows: MultiLabelRow[]; names: string[] } | { ok: false; reason: string } {
  const text = readText(join(dir, `${split}.tsv`));
  const names = readText(join(dir, "emotions.txt"));
  if (text === null || names === null)
    return { ok: false, reason: `GoEmotions ${split} missing under ${dir}` };
  const rows = text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [t = "", ids = ""] = l.split("\t");
      return { text: t, labels: ids.split(",").map(Number) };
    });
  return { ok: true, rows, names: names.split(/\r?\n/).filter(Boolean) };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Tweets in these sets keep HTML entities (`&amp;`, `&#128514;`); the coach sees real characters, so decode them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith("#")) {
      const code = Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Davidson et al. tweets: class 0 hate, 1 offensive, 2 neither. */
export function readDavidson(
  split: "train" | "dev",
  dir = dataPath("davidson-hate-offensive"),
): Rows<ClassRow> {
  const r = readCsvObjects(join(dir, `${split}.csv`));
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((o) => ({ text: decodeEntities(o.tweet ?? ""), label: Number(o.class) })),
  };
}

export interface ComplaintRow extends ClassRow {
  domain: string;
}

/** Complaints in social media (evaluation only: no licence). */
export function readComplaints(
  split: "train" | "dev",
  dir = dataPath("complaints-social-media"),
): Rows<ComplaintRow> {
  const r = readCsvObjects(join(dir, `${split}.csv`));
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((o) => ({
      text: decodeEntities(o.text ?? ""),
      label: Number(o.complaint),
      domain: o.domain ?? "",
    })),
  };
}

export interface EmpathyRow {
  seeker: string;
  response: string;
  level: 0 | 1 | 2;
}

export const EMPATHY_MECHANISMS = ["emotional-reactions", "interpretations", "explorations"] as const;
export type EmpathyMechanism = (typeof EMPATHY_MECHANISMS)[number];

/** EPITOME (evaluation only: non-commercial). */
export function readEpitome(
  mechanism: EmpathyMechanism,
  split: "train" | "dev",
  dir = dataPath("epitome-empathy"),
): Rows<EmpathyRow> {
  const r = readCsvObjects(join(dir, `${mechanism}.${split}.csv`));
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((o) => ({
      seeker: o.seeker_post ?? "",
      response: o.response_post ?? "",
      level: Math.max(0, Math.min(2, Number(o.level))) as 0 | 1 | 2,
    })),
  };
}

export interface PolitenessRow {
  text: string;
  score: number;
  community: string;
}

/** Stanford politeness requests (evaluation only: licence unconfirmed). */
export function readPoliteness(
  domain: "wikipedia" | "stack-exchange",
  split: "train" | "dev",
  dir = dataPath("stanford-politeness"),
): Rows<PolitenessRow> {
  const r = readCsvObjects(join(dir, `${domain}.${split}.csv`));
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((o) => ({
      text: o.Request ?? "",
      score: Number(o["Normalized Score"]),
      community: domain,
    })),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * Customer turns of real support conversations: TweetSumm train (CC0 annotations) and IBM customer care dev
 * (Apache-2.0). Unlabelled; used as in-domain examples of ordinary customer messages.
 */
export function readCustomerTurns(): string[] {
  const turns: string[] = [];
  const ts = readText(dataPath("tweetsumm", "train.jsonl"));
  for (const line of ts?.split("\n") ?? []) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as unknown;
    if (!isRecord(d) || !Array.isArray(d.turns)) continue;
    for (const t of d.turns as unknown[]) {
      if (isRecord(t) && t.speaker === "customer" && typeof t.text === "string") turns.push(t.text);
    }
  }
  const ibm = readText(dataPath("ibm-twitter-customer-care", "dev.json"));
  const dialogs = ibm ? (JSON.parse(ibm) as unknown) : [];
  for (const d of Array.isArray(dialogs) ? dialogs : []) {
    if (!isRecord(d) || !Array.isArray(d.dialogContent)) continue;
    for (const t of d.dialogContent as unknown[]) {
      if (isRecord(t) && typeof t.client === "string" && typeof t.message === "string") turns.push(t.message);
    }
  }
  return turns;
}

/** A customer turn of the reply-labels set with the Keel customer-side labels (licence: Keel labels on TweetSumm/IBM). */
export interface LabelledCustomer {
  text: string;
  anger: number;
  abusive: boolean;
  threat: string;
  repeatContact: boolean;
}

export function readLabelledCustomers(split: "train" | "dev"): Rows<LabelledCustomer> {
  const text = readText(dataPath("reply-labels", `${split}.jsonl`));
  if (text === null) return { ok: false, reason: `reply-labels ${split} missing` };
  const rows: LabelledCustomer[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as unknown;
    if (!isRecord(d) || typeof d.customer !== "string" || !isRecord(d.customer_labels)) continue;
    const c = d.customer_labels;
    rows.push({
      text: d.customer,
      anger: typeof c.anger === "number" ? c.anger : 0,
      abusive: c.abusive === true,
      threat: typeof c.threat === "string" ? c.threat : "none",
      repeatContact: c.repeat_contact === true,
    });
  }
  return { ok: true, rows };
}

/** A reply with its 15 reply-label booleans (reply-labels set or the coach's own fixtures). */
export interface ReplyPair {
  customer: string;
  reply: string;
  labels: Record<string, boolean>;
  split?: string;
}

/** JSON Lines of labelled pairs; `path` may point at shared data or at `packages/coach/fixtures`. */
export function readReplyPairs(path: string): Rows<ReplyPair> {
  const text = readText(path);
  if (text === null) return { ok: false, reason: `missing ${path}` };
  const rows: ReplyPair[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as unknown;
    if (!isRecord(d) || typeof d.customer !== "string" || typeof d.reply !== "string" || !isRecord(d.labels))
      continue;
    const labels: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(d.labels)) labels[k] = v === true;
    const row: ReplyPair = { customer: d.customer, reply: d.reply, labels };
    if (typeof d.split === "string") row.split = d.split;
    rows.push(row);
  }
  return { ok: true, rows };
}
