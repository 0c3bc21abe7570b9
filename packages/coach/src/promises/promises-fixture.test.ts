/** @module Keeps the labelled promise set well-formed and guards the extractor's scores on its tune rows. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractPromises } from "./extract-promises.js";

interface Row {
  id: string;
  split: string;
  channel: string;
  text: string;
  referenceDate: string;
  timeZone: string;
  promises: {
    quote: string;
    what: string;
    kind: string;
    owner: string;
    dueText: string | null;
    due: string | null;
  }[];
}

const rows: Row[] = readFileSync(
  fileURLToPath(new URL("../../fixtures/promises.jsonl", import.meta.url)),
  "utf8",
)
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const KINDS = ["callback", "update", "refund", "replacement", "fix", "other"];

describe("promises.jsonl", () => {
  it("has at least 120 rows, unique ids, about 30 % holdout and 60 % with promises", () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const holdout = rows.filter((r) => r.split === "holdout").length / rows.length;
    expect(holdout).toBeGreaterThanOrEqual(0.25);
    expect(holdout).toBeLessThanOrEqual(0.35);
    const positive = rows.filter((r) => r.promises.length > 0).length / rows.length;
    expect(positive).toBeGreaterThanOrEqual(0.5);
    expect(positive).toBeLessThanOrEqual(0.7);
  });

  it("labels every promise with a quote from the text, a kind, an owner and a valid due", () => {
    const bad = rows.flatMap((r) =>
      r.promises
        .filter(
          (p) =>
            !r.text.includes(p.quote) ||
            !KINDS.includes(p.kind) ||
            !["agent", "team", "company"].includes(p.owner) ||
            (p.due !== null && (Number.isNaN(Date.parse(p.due)) || !p.due.endsWith("Z"))) ||
            (p.due !== null && p.dueText === null),
        )
        .map((p) => `${r.id}: ${p.quote}`),
    );
    expect(bad).toEqual([]);
    expect(
      rows.filter((r) => !["tune", "holdout"].includes(r.split) || !["email", "chat"].includes(r.channel)),
    ).toEqual([]);
  });

  it("finds the tune promises with their due times", () => {
    let gold = 0;
    let found = 0;
    let dueGold = 0;
    let dueRight = 0;
    let falseOnNegatives = 0;
    for (const r of rows.filter((row) => row.split === "tune")) {
      const got = extractPromises(r.text, { referenceDate: r.referenceDate, timeZone: r.timeZone });
      if (r.promises.length === 0 && got.length > 0) falseOnNegatives++;
      for (const g of r.promises) {
        gold++;
        const start = r.text.indexOf(g.quote);
        const hit = got.find((p) => p.span.start < start + g.quote.length && start < p.span.end);
        if (hit) found++;
        if (g.due === null) continue;
        dueGold++;
        if (hit?.due === g.due) dueRight++;
      }
    }
    expect(found / gold).toBeGreaterThanOrEqual(0.9);
    expect(dueRight / dueGold).toBeGreaterThanOrEqual(0.9);
    expect(falseOnNegatives).toBeLessThanOrEqual(2);
  });

  it("names most tune promises as labelled (a readable action, a pronoun replaced by what it stands for)", () => {
    const named: string[] = [];
    const misnamed: string[] = [];
    for (const r of rows.filter((row) => row.split === "tune")) {
      const got = extractPromises(r.text, { referenceDate: r.referenceDate, timeZone: r.timeZone });
      for (const g of r.promises) {
        const start = r.text.indexOf(g.quote);
        const hit = got.find((p) => p.span.start < start + g.quote.length && start < p.span.end);
        (hit?.what === g.what ? named : misnamed).push(`${r.id}: ${hit?.what} ≠ ${g.what}`);
      }
    }
    expect(named.length / (named.length + misnamed.length), misnamed.join("\n")).toBeGreaterThanOrEqual(0.8);
  });
});
