/** @module Loads real customer messages and agent replies from the shared data sets, in a fixed order. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A customer message and the agent reply that answered it. */
export interface MessagePair {
  customer: string;
  reply: string;
}

export interface Corpus {
  /** Customer turns from TweetSumm and the IBM customer-care dialogues. */
  customerTurns: string[];
  /** Agent turns from the same dialogues. */
  agentReplies: string[];
  pairs: MessagePair[];
  goEmotions: string[];
  davidson: string[];
}

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KEEL_DATA_DIR ?? join(REPO_ROOT, "..", "shared", "data");
}

/** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Turn {
  customer: boolean;
  text: string;
}

/** Consecutive customer turns joined, paired with the agent turn that follows them. */
export function pairTurns(turns: readonly Turn[]): MessagePair[] {
  const pairs: MessagePair[] = [];
  let pending: string[] = [];
  for (const turn of turns) {
    if (turn.customer) pending.push(turn.text);
    else if (pending.length > 0) {
      pairs.push({ customer: pending.join("\n"), reply: turn.text });
      pending = [];
    }
  }
  return pairs;
}

function readLines(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

function tweetSummDialogues(dir: string): Turn[][] {
  const dialogues: Turn[][] = [];
  for (const file of ["train.jsonl", "dev.jsonl"]) {
    const path = join(dir, "tweetsumm", file);
    if (!existsSync(path)) continue;
    for (const line of readLines(path)) {
      const record = JSON.parse(line) as { turns?: { speaker?: string; text?: string }[] };
      dialogues.push(
        (record.turns ?? []).map((t) => ({ customer: t.speaker === "customer", text: t.text ?? "" })),
      );
    }
  }
  return dialogues;
}

function ibmDialogues(dir: string): Turn[][] {
  const path = join(dir, "ibm-twitter-customer-care", "dev.json");
  if (!existsSync(path)) return [];
  const records = JSON.parse(readFileSync(path, "utf8")) as {
    dialogContent?: { agent?: string; message?: string }[];
  }[];
  return records.map((r) =>
    (r.dialogContent ?? []).map((t) => ({ customer: t.agent === undefined, text: t.message ?? "" })),
  );
}

function goEmotionTexts(dir: string): string[] {
  const path = join(dir, "goemotions", "train.tsv");
  if (!existsSync(path)) return [];
  return readLines(path).map((line) => line.split("\t")[0] ?? "");
}

function davidsonTweets(dir: string): string[] {
  const path = join(dir, "davidson-hate-offensive", "train.csv");
  if (!existsSync(path)) return [];
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  const column = header?.indexOf("tweet") ?? -1;
  return column < 0 ? [] : rows.map((r) => r[column] ?? "");
}

export function loadCorpus(dataDir: string = resolveDataDir()): Corpus {
  const dialogues = [...tweetSummDialogues(dataDir), ...ibmDialogues(dataDir)];
  const nonEmpty = (texts: string[]) => texts.filter((t) => t.trim() !== "");
  return {
    customerTurns: nonEmpty(dialogues.flatMap((d) => d.filter((t) => t.customer).map((t) => t.text))),
    agentReplies: nonEmpty(dialogues.flatMap((d) => d.filter((t) => !t.customer).map((t) => t.text))),
    pairs: dialogues.flatMap(pairTurns).filter((p) => p.customer.trim() !== "" && p.reply.trim() !== ""),
    goEmotions: nonEmpty(goEmotionTexts(dataDir)),
    davidson: nonEmpty(davidsonTweets(dataDir)),
  };
}

/** Takes one message from each source in turn (customer turns, GoEmotions, Davidson) until `count` are taken. */
export function mixedMessages(corpus: Corpus, count: number): string[] {
  const sources = [corpus.customerTurns, corpus.goEmotions, corpus.davidson].filter((s) => s.length > 0);
  const out: string[] = [];
  for (let i = 0; out.length < count && sources.some((s) => i < s.length); i++) {
    for (const source of sources) {
      const text = source[i];
      if (text !== undefined && out.length < count) out.push(text);
    }
  }
  return out;
}
