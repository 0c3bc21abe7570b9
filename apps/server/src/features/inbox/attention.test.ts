import type { Case, InboxRow } from "@keel/db";
import { describe, expect, it } from "vitest";
import { attentionOf, formatDuration, slaState } from "./attention.js";

const now = new Date("2026-11-02T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

function row(over: Partial<InboxRow> = {}, kase: Partial<Case> = {}): InboxRow {
  return {
    kase: {
      id: "c",
      number: 1,
      subject: "s",
      status: "open",
      priority: "normal",
      customer_id: "cu",
      team_id: null,
      assignee_id: null,
      tags: [],
      first_response_due_at: hours(5),
      first_responded_at: null,
      resolution_due_at: hours(60),
      resolved_at: null,
      sla_paused_at: null,
      sla_paused_seconds: 0,
      portal_token_hash: null,
      created_at: hours(-3),
      updated_at: hours(-3),
      ...kase,
    } as Case,
    customerName: "Ada",
    latestAnger: null,
    latestAngerLabel: null,
    latestAngerTrend: null,
    peakAnger: null,
    threats: [],
    abusive: false,
    lastDirection: null,
    lastAt: null,
    lastSnippet: null,
    messageCount: 0,
    openPromises: 0,
    overduePromises: 0,
    ...over,
  };
}

describe("attention", () => {
  it("scores nothing for a calm case far from its targets", () => {
    expect(attentionOf(row(), now)).toEqual({ score: 0, reasons: [] });
  });

  it("puts a breached SLA above a furious customer, and explains both", () => {
    const breached = attentionOf(row({}, { first_response_due_at: hours(-2) }), now);
    const furious = attentionOf(
      row({ latestAnger: 90, latestAngerLabel: "furious", latestAngerTrend: "rising" }),
      now,
    );
    expect(breached.reasons[0]?.text).toBe("first reply overdue by 2 h");
    expect(furious.reasons[0]?.text).toBe("furious customer (90/100, rising)");
    expect(breached.score).toBeGreaterThan(furious.score);
  });

  it("adds threats, abuse, overdue promises and a waiting customer, largest first", () => {
    const result = attentionOf(
      row({
        threats: ["legal", "churn"],
        abusive: true,
        overduePromises: 2,
        lastDirection: "inbound",
        lastAt: hours(-30),
      }),
      now,
    );
    expect(result.reasons.map((r) => r.text)).toEqual([
      "2 overdue promises",
      "customer waiting 30 h",
      "legal threat",
      "threat to leave",
      "abuse aimed at the team",
    ]);
    expect(result.score).toBe(50 + 30 + 25 + 15 + 15);
  });

  it("stops the SLA while paused and after resolution; the running target follows the first reply", () => {
    expect(
      slaState(row({}, { sla_paused_at: hours(-1), first_response_due_at: hours(-1) }), now),
    ).toMatchObject({
      paused: true,
      breached: false,
    });
    expect(slaState(row({}, { status: "resolved" }), now).kind).toBeNull();
    expect(slaState(row({}, { first_responded_at: hours(-1) }), now)).toMatchObject({
      kind: "resolution",
      dueAt: hours(60),
    });
  });

  it("formats durations in the largest sensible unit", () => {
    expect(formatDuration(30_000)).toBe("1 min");
    expect(formatDuration(-45 * 60_000)).toBe("45 min");
    expect(formatDuration(5 * 3_600_000)).toBe("5 h");
    expect(formatDuration(72 * 3_600_000)).toBe("3 days");
  });
});
