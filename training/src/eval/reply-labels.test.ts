/** @module Tests for the `reply-labels` evaluation task on tiny temporary fixtures. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPLY_LABELS } from "@keel/coach";
import { afterAll, describe, expect, it } from "vitest";
import { runReplyLabels } from "./reply-labels.js";

const dir = mkdtempSync(join(tmpdir(), "keel-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pair(id: string, split: "tune" | "holdout", trueLabels: string[]) {
  return JSON.stringify({
    id,
    customer: "My order 4411 never arrived and nobody answers.",
    reply:
      "I'm sorry your order hasn't arrived. I've sent a replacement today; it will be with you by Friday.",
    labels: Object.fromEntries(REPLY_LABELS.map((l) => [l, trueLabels.includes(l)])),
    customer_labels: { anger: 1, abusive: false, threat: "none", repeat_contact: true },
    split,
  });
}

describe("runReplyLabels", () => {
  it("reports a missing data folder and evaluates own tune and holdout rows separately", async () => {
    const fixtures = join(dir, "fixtures");
    mkdirSync(fixtures);
    writeFileSync(
      join(fixtures, "replies-a.jsonl"),
      [
        pair("t-1", "tune", ["timeline", "next_step"]),
        pair("t-2", "tune", []),
        pair("h-1", "holdout", ["apology_sincere"]),
        "not json",
      ].join("\n"),
    );
    const report = await runReplyLabels({ dataDir: join(dir, "no-data"), fixturesDir: fixtures });
    expect(report).toContain("skipped reply-labels dev");
    expect(report).toContain("own set: replies-b.jsonl is missing");
    expect(report).not.toContain("only (");
    expect(report).toContain("## own tune (2 pairs)");
    expect(report).toContain("## own holdout (1 pairs)");
    expect(report).toContain("replies-a.jsonl line 4: invalid JSON");
    // timeline is true in 1 of 2 tune rows: support 1, always-true F1 = 2·0.5/(1.5) ≈ 0.667
    expect(report).toMatch(/^timeline\s+1\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+0\.667$/m);
    expect(report).toMatch(/^anger accuracy\s/m);
    expect(report).toMatch(/^repeat_contact\s+2\s/m);
  });

  it("adds a macro-F1 row per fixture file when both files are present", async () => {
    const fixtures = join(dir, "two-files");
    mkdirSync(fixtures);
    writeFileSync(join(fixtures, "replies-a.jsonl"), pair("a-1", "holdout", ["timeline"]));
    writeFileSync(
      join(fixtures, "replies-b.jsonl"),
      `${pair("b-1", "holdout", [])}\n${pair("b-2", "tune", [])}`,
    );
    const report = await runReplyLabels({ dataDir: join(dir, "no-data"), fixturesDir: fixtures });
    const holdout = report.slice(report.indexOf("## own holdout"));
    expect(holdout).toContain("macro, replies-a.jsonl only (1 pairs)");
    expect(holdout).toContain("macro, replies-b.jsonl only (1 pairs)");
  });

  it("says so when there is nothing to evaluate", async () => {
    const report = await runReplyLabels({ dataDir: join(dir, "none"), fixturesDir: join(dir, "none") });
    expect(report).toContain("no data found: nothing evaluated");
  });
});
