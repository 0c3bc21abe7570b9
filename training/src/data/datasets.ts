/** @module Typed loaders for the labelled sets the models train or are evaluated on. */
import { join } from "node:path";
import { dataPath, readCsvObjects, readText, type Rows } from "./read.js";

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
  if (text === null || names === null) return { ok: false, reason: `GoEmotions ${split} missing under ${dir}` };
  const rows = text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [t = "", ids = ""] = l.split("\t");
      return { text: t, labels: ids.split(",").map(Number) };
    });
  return { ok: true, rows, names: names.split(/\r?\n/).filter(Boolean) };
}

/** Davidson et al. tweets: class 0 hate, 1 offensive, 2 neither. */
export function readDavidson(split: "train" | "dev", dir = dataPath("davidson-hate-offensive")): Rows<ClassRow> {
  const r = readCsvObjects(join(dir, `${split}.csv`));
  if (!r.ok) return r;
  return { ok: true, rows: r.rows.map((o) => ({ text: o.tweet ?? "", label: Number(o.class) })) };
}

export interface ComplaintRow extends ClassRow {
  domain: string;
}

/** Complaints in social media (evaluation only: no licence). */
export function readComplaints(split: "train" | "dev", dir = dataPath("complaints-social-media")): Rows<ComplaintRow> {
  const r = readCsvObjects(join(dir, `${split}.csv`));
  if (!r.ok) return r;
  return {
    ok: true,
    rows: r.rows.map((o) => ({ text: o.text ?? "", label: Number(o.complaint), domain: o.domain ?? "" })),
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
    rows: r.rows.map((o) => ({ text: o.Request ?? "", score: Number(o["Normalized Score"]), community: domain })),
  };
}
