/** @module Tests for the reply score and its three fixes. */
import { describe, expect, it } from "vitest";
import type { ReplyInput } from "./detectors/reply/detector.js";
import { scoreReply } from "./score-reply.js";
import { tokenize } from "./text/tokenize.js";
import { type LabelResult, REPLY_LABELS, type ReplyLabel } from "./types.js";

function labels(on: Partial<Record<ReplyLabel, number>>): Record<ReplyLabel, LabelResult> {
  const out = {} as Record<ReplyLabel, LabelResult>;
  for (const label of REPLY_LABELS) {
    const c = on[label];
    out[label] = { label, value: c !== undefined, confidence: c ?? 0.9, spans: [] };
  }
  return out;
}

function input(reply: string, customer: string | null = "My order is late."): ReplyInput {
  return {
    reply: tokenize(reply),
    customer: customer === null ? null : tokenize(customer),
    customerAnalysis: null,
    thread: [],
    timelines: [],
    context: {},
  };
}

describe("scoreReply", () => {
  it("scores a complete reply high and a blaming one low", () => {
    const good = scoreReply(
      labels({ acknowledges: 0.9, next_step: 0.9, empathy: 0.8, timeline: 0.9, apology_sincere: 0.9 }),
      input("text"),
    );
    expect(good.score).toBeGreaterThanOrEqual(80);
    const bad = scoreReply(labels({ blame: 0.9, non_apology: 0.9 }), input("text"));
    expect(bad.score).toBeLessThan(40);
    expect(bad.fixes[0]).toMatch(/blame/i);
  });

  it("returns at most three distinct fixes, most urgent first", () => {
    const r = scoreReply(labels({ robotic: 0.9 }), input("text"));
    expect(r.fixes).toHaveLength(3);
    expect(new Set(r.fixes).size).toBe(3);
    expect(r.fixes[0]).toMatch(/template/i);
  });

  it("asks for escalation unless the reply already escalates", () => {
    const flagged = labels({ escalation_needed: 0.9, next_step: 0.9, acknowledges: 0.9 });
    expect(scoreReply(flagged, input("We'll look into it.")).fixes.join(" ")).toMatch(/supervisor|escalate/i);
    const handled = scoreReply(flagged, input("I've passed this to my manager, who will call you today."));
    expect(handled.fixes.join(" ")).not.toMatch(/needs a supervisor/i);
  });

  it("prefers a detector's own suggestion as the fix", () => {
    const l = labels({ next_step: 0.9 });
    l.acknowledges.suggestion = "Mention the late order.";
    expect(scoreReply(l, input("text")).fixes).toContain("Mention the late order.");
  });

  it("gives an empty draft zero", () => {
    expect(scoreReply(labels({}), input(""))).toEqual({ score: 0, fixes: ["Write a reply first."] });
  });
});
