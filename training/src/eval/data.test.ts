/** @module Tests for reading labelled pairs and locating the data folder. */
import { REPLY_LABELS } from "@keel/coach";
import { describe, expect, it } from "vitest";
import { dataDir, parsePairs, REPO_ROOT, readPairs } from "./data.js";

const labels = Object.fromEntries(REPLY_LABELS.map((l) => [l, l === "timeline"]));
const good = {
  id: "x-1",
  customer: "where is my order",
  reply: "It ships Friday.",
  labels,
  customer_labels: { anger: 1, abusive: false, threat: "none", repeat_contact: false },
  split: "holdout",
};

describe("parsePairs", () => {
  it("keeps valid rows and reports bad ones by line", () => {
    const missingLabel = { ...good, id: "x-2", labels: { ...labels, robotic: undefined } };
    const badThreat = { ...good, id: "x-3", customer_labels: { ...good.customer_labels, threat: "lawsuit" } };
    const text = [
      JSON.stringify(good),
      "",
      "{oops",
      JSON.stringify(missingLabel),
      JSON.stringify(badThreat),
    ].join("\n");
    const { rows, skipped } = parsePairs(text);
    expect(rows.map((r) => r.id)).toEqual(["x-1"]);
    expect(rows[0]?.split).toBe("holdout");
    expect(rows[0]?.labels.timeline).toBe(true);
    expect(skipped).toEqual([
      "line 3: invalid JSON",
      "line 4: x-2: labels not boolean: robotic",
      "line 5: x-3: unknown threat",
    ]);
  });
});

describe("readPairs and dataDir", () => {
  it("reports a missing file as a value", () => {
    expect(readPairs("/nonexistent/keel/pairs.jsonl")).toEqual({
      ok: false,
      reason: "missing",
      path: "/nonexistent/keel/pairs.jsonl",
    });
  });

  it("prefers KEEL_DATA_DIR and otherwise looks beside the repository", () => {
    expect(dataDir({ KEEL_DATA_DIR: "/tmp/keel-data" })).toBe("/tmp/keel-data");
    expect(dataDir({})).toMatch(/shared\/data$/);
    expect(dataDir({}).startsWith(REPO_ROOT)).toBe(false);
  });
});
