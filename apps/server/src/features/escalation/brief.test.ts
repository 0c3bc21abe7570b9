/** @module Tests for the handoff brief and its Markdown, on threads read by the real coach. */
import { tokenize } from "@keel/coach";
import { describe, expect, it } from "vitest";
import { handoffBrief, renderBriefMarkdown } from "./brief.js";
import { extractFromThread } from "./extract.js";
import {
  ABUSE_AFTER_BOUNDARY,
  buildThread,
  CALM_VULNERABLE,
  FURIOUS_CHARGEBACK,
  ROUTINE,
} from "./scenarios.test-support.js";

const sentenceCount = (text: string) => tokenize(text).sentences.length;

describe("handoffBrief", () => {
  const furious = buildThread(FURIOUS_CHARGEBACK, { case: { slaBreached: true } });
  const brief = handoffBrief(furious, { now: "2026-11-20T17:00:00Z" });

  it("says who the customer is, what they want, what was tried and promised, and how angry they are", () => {
    expect(brief.customer).toEqual({ name: "Dana Whitfield", contacts: ["dana@example.com"] });
    expect(brief.wants).toEqual(
      expect.arrayContaining([
        "I want a refund, not another apology.",
        "I want to speak to a manager.",
        expect.stringMatching(/^Refund me TODAY/),
      ]),
    );
    expect(brief.tried).toEqual(["I've checked with the courier and the parcel is delayed at their depot."]);
    // "tomorrow", resolved by the coach against the time the reply was written (2026-11-20 12:00 UTC).
    expect(brief.promised).toEqual(["I'll chase them again tomorrow (due 2026-11-21T17:00:00.000Z)"]);
    expect(brief.anger).toEqual({ current: expect.any(Number), level: "furious", trend: "rising" });
    expect(brief.threats.map((t) => [t.kind, t.messageId])).toEqual([
      ["chargeback", "m6"],
      ["regulator", "m8"],
    ]);
    expect(brief.generatedAt).toBe("2026-11-20T17:00:00Z");
  });

  it("keeps the summary to 3–5 plain sentences and the timeline to one line per message, in order", () => {
    const n = sentenceCount(brief.summary);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
    expect(brief.summary).toContain("case #1042");
    expect(brief.summary).toContain(
      "Their latest requests: “I want to speak to a manager”; “Refund me TODAY",
    );
    expect(brief.timeline.map((e) => e.messageId)).toEqual(furious.messages.map((m) => m.id));
    for (const entry of brief.timeline) {
      expect(entry.what).not.toMatch(/\n/);
      expect(entry.what.length).toBeLessThanOrEqual(141);
    }
    expect(brief.timeline[2]?.what).toMatch(/^Seriously\?! .*patient/);
    expect(brief.timeline[4]).toMatchObject({
      who: "Sam (note)",
      what: expect.stringMatching(/^\(internal note\)/),
    });
  });

  it("cites only messages of the thread, in thread order, including every signal's evidence", () => {
    const order = furious.messages.map((m) => m.id);
    expect(brief.citations).toEqual(order.filter((id) => brief.citations.includes(id)));
    for (const s of brief.signals) for (const id of s.messageIds) expect(brief.citations).toContain(id);
    expect(brief.citations).not.toContain("m5"); // the internal note is context, not evidence
    expect(brief.signals.map((s) => s.kind)).toContain("sla_breached");
  });

  it("recommends the step that fits the strongest signal", () => {
    expect(brief.recommendedNextStep).toMatch(/^A supervisor replies in writing today/);
    expect(brief.recommendedNextStep).toContain("I'll chase them again tomorrow");
    expect(handoffBrief(buildThread(ABUSE_AFTER_BOUNDARY)).recommendedNextStep).toMatch(/boundary/);
    const vulnerable = handoffBrief(buildThread(CALM_VULNERABLE));
    expect(vulnerable.recommendedNextStep).toMatch(/^Handle with extra care/);
    expect(vulnerable.wants).toEqual(["Could someone please call me?"]);
    expect(vulnerable.promised).toEqual([
      "I'll call you tomorrow morning at 10am to go through it together (due 2026-11-21T10:00:00.000Z)",
    ]);
    expect(vulnerable.anger.level).toBe("calm");
  });

  it("marks promises whose date has passed as overdue and puts them in the next step", () => {
    const later = handoffBrief(furious, { now: "2026-11-23T09:00:00Z" });
    expect(later.promised).toEqual([
      "I'll chase them again tomorrow (due 2026-11-21T17:00:00.000Z, overdue)",
    ]);
    expect(later.recommendedNextStep).toContain("This promise is overdue: “I'll chase them again tomorrow”");
    const sameDay = handoffBrief(buildThread(CALM_VULNERABLE), { now: "2026-11-21T09:59:00Z" });
    expect(sameDay.promised[0]).not.toContain("overdue");
    const hourLate = handoffBrief(buildThread(CALM_VULNERABLE), { now: "2026-11-21T10:30:00Z" });
    expect(hourLate.promised[0]).toContain("overdue");
  });

  it("advises no escalation on a routine case", () => {
    const routine = handoffBrief(buildThread(ROUTINE));
    expect(routine.signals).toEqual([]);
    expect(routine.recommendedNextStep).toMatch(/^No escalation needed/);
    expect(routine.promised).toEqual(["it will reach you by Thursday (due 2026-11-26T17:00:00.000Z)"]);
    expect(routine.tried).toEqual([
      "I've checked with the courier: it's held at the Leeds depot.",
      "I've asked them to redeliver and it will reach you by Thursday.",
    ]);
    expect(sentenceCount(routine.summary)).toBeGreaterThanOrEqual(3);
  });

  it("carries the customer's earlier cases through to the brief and its Markdown", () => {
    const withHistory = handoffBrief(buildThread(ROUTINE, { customer: { previousCases: 2 } }));
    expect(withHistory.customer.previousCases).toBe(2);
    expect(renderBriefMarkdown(withHistory)).toContain("earlier cases: 2");
  });

  it("is deterministic and does not depend on the order messages arrive in", () => {
    const shuffled = { ...furious, messages: [...furious.messages].reverse() };
    expect(handoffBrief(shuffled)).toEqual(handoffBrief(furious));
    // Times written with an offset are ordered as instants: 10:30+02:00 comes before 09:00Z.
    const zoned = buildThread(ROUTINE);
    const [first, second] = zoned.messages;
    if (!first || !second) throw new Error("scenario too short");
    second.createdAt = "2026-11-20T10:30:00+02:00";
    expect(
      handoffBrief(zoned)
        .timeline.map((e) => e.messageId)
        .slice(0, 2),
    ).toEqual(["m2", "m1"]);
  });

  it("makes a brief for a thread with no messages yet", () => {
    const empty = handoffBrief({ ...furious, messages: [] });
    expect(empty.anger).toEqual({ current: null, level: null, trend: null });
    expect(empty.timeline).toEqual([]);
    expect(sentenceCount(empty.summary)).toBe(4); // the SLA breach still speaks
  });
});

describe("extractFromThread", () => {
  const read = (direction: "inbound" | "outbound", text: string) =>
    extractFromThread([{ id: "m1", direction, tokens: tokenize(text) }]);

  it("finds request sentences in customer messages", () => {
    const { wants } = read(
      "inbound",
      "The kettle is broken. I want a refund. Please send a replacement; I need someone to call me. Where is it?",
    );
    expect(wants.map((w) => w.text)).toEqual([
      "I want a refund.",
      "Please send a replacement",
      "I need someone to call me.",
    ]);
  });

  it("finds what agents already did, not what they will do or refuse", () => {
    const { tried } = read(
      "outbound",
      "We will send the new one by Friday. We won't charge you for delivery. I've refunded the postage. We offered a voucher.",
    );
    expect(tried.map((t) => t.text)).toEqual(["I've refunded the postage.", "We offered a voucher."]);
  });

  it("ignores internal notes", () => {
    expect(
      extractFromThread([{ id: "n", direction: "note", tokens: tokenize("I'll refund it tomorrow.") }]),
    ).toEqual({
      wants: [],
      tried: [],
    });
  });
});

describe("renderBriefMarkdown", () => {
  it("shows every section and cites the messages", () => {
    const md = renderBriefMarkdown(handoffBrief(buildThread(FURIOUS_CHARGEBACK)));
    for (const heading of [
      "Recommended next step",
      "Why escalate",
      "What the customer wants",
      "Promised",
      "Timeline",
    ]) {
      expect(md).toContain(`### ${heading}`);
    }
    expect(md).toMatch(/^## Handoff: case #1042 — Parcel never arrived/);
    expect(md).toContain("[m8]");
  });

  it("neutralises markup in what customers wrote", () => {
    const thread = buildThread([
      ["inbound", "Eve <b>", "I want a refund <script>alert(1)</script> [click](http://x.example)."],
    ]);
    const md = renderBriefMarkdown(handoffBrief(thread));
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("[click](");
    expect(md).toContain("\\<script\\>");
  });
});
