/** @module Checks that the coach's own labelled reply fixtures stay well-formed: every row valid, ids unique, 30 % holdout. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, parsePairs } from "./data.js";

const FILES = ["replies-a.jsonl", "replies-b.jsonl"];
const CHANNELS = ["email", "chat", "social"];

describe.each(FILES)("%s", (file) => {
  const text = readFileSync(join(FIXTURES_DIR, file), "utf8");
  const raw = text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { domain?: unknown; channel?: unknown; split?: unknown });

  it("has only valid rows, each with a domain, a known channel and a split", () => {
    const { rows, skipped } = parsePairs(text);
    expect(skipped).toEqual([]);
    expect(rows.length).toBe(raw.length);
    expect(raw.filter((r) => typeof r.domain !== "string" || r.domain === "")).toEqual([]);
    expect(raw.filter((r) => !CHANNELS.includes(String(r.channel)))).toEqual([]);
    expect(rows.filter((r) => r.split === undefined).map((r) => r.id)).toEqual([]);
  });

  it("keeps about 30 % of rows as holdout", () => {
    const holdout = raw.filter((r) => r.split === "holdout").length;
    expect(holdout / raw.length).toBeGreaterThanOrEqual(0.25);
    expect(holdout / raw.length).toBeLessThanOrEqual(0.35);
  });
});

describe("own fixtures together", () => {
  it("use each id once across files", () => {
    const ids = FILES.flatMap((f) =>
      parsePairs(readFileSync(join(FIXTURES_DIR, f), "utf8")).rows.map((r) => r.id),
    );
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });
});
