/** @module Tests for the escalation signals, on threads read by the real coach. */
import { describe, expect, it } from "vitest";
import {
  ABUSE_AFTER_BOUNDARY,
  buildThread,
  CALM_VULNERABLE,
  FURIOUS_CHARGEBACK,
  ROUTINE,
} from "./scenarios.test-support.js";
import { type EscalationSignal, escalationSignals } from "./signals.js";
import type { ThreadInput } from "./thread.js";

const byKind = (signals: EscalationSignal[]) => new Map(signals.map((s) => [s.kind, s]));

describe("escalationSignals", () => {
  it("flags a furious repeat customer threatening a chargeback on every count, most severe first", () => {
    const signals = escalationSignals(buildThread(FURIOUS_CHARGEBACK));
    const kinds = byKind(signals);
    expect(kinds.get("anger_high")).toMatchObject({ severity: 3, messageIds: ["m8"] });
    expect(kinds.get("chargeback_threat")?.messageIds).toEqual(["m6", "m8"]);
    expect(kinds.get("legal_threat")?.severity).toBe(3); // "reporting you to trading standards"
    expect(kinds.get("manager_requested")?.messageIds).toEqual(["m6"]);
    expect(kinds.get("repeat_contact")?.messageIds).toContain("m1");
    expect(kinds.get("anger_rising")?.messageIds.at(-1)).toBe("m8");
    // Three replies (the internal note does not count) and the customer is still furious after the last one.
    expect(kinds.get("unresolved_replies")?.messageIds).toEqual(["m2", "m4", "m7", "m8"]);
    const severities = signals.map((s) => s.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    for (const s of signals) expect(s.explanation).toMatch(/^[A-Z0-9].*\.$/);
  });

  it("tells abuse after a boundary apart from abuse before one", () => {
    const thread = buildThread(ABUSE_AFTER_BOUNDARY);
    const kinds = byKind(escalationSignals(thread));
    expect(kinds.get("abuse_after_boundary")).toMatchObject({ severity: 3, messageIds: ["m1", "m3"] });
    expect(kinds.has("abuse")).toBe(false);

    const beforeAnyBoundary = { ...thread, messages: thread.messages.slice(0, 1) };
    const only = byKind(escalationSignals(beforeAnyBoundary));
    expect(only.get("abuse")).toMatchObject({ severity: 2, messageIds: ["m1"] });
    expect(only.has("abuse_after_boundary")).toBe(false);
  });

  it("notices a calm customer's vulnerability without calling them angry", () => {
    const kinds = byKind(escalationSignals(buildThread(CALM_VULNERABLE)));
    const vulnerable = kinds.get("vulnerable_customer");
    expect(vulnerable?.messageIds).toEqual(["m1"]);
    expect(vulnerable?.explanation).toContain("passed away");
    expect([...kinds.keys()]).toEqual(["vulnerable_customer"]);
  });

  it("raises nothing on a routine case", () => {
    expect(escalationSignals(buildThread(ROUTINE))).toEqual([]);
  });

  it("does not take everyday complaint wording for vulnerability", () => {
    const thread = buildThread([
      [
        "inbound",
        "Jo",
        "I don't understand why I was charged twice, and I'm struggling to log in to the app.",
      ],
    ]);
    expect(escalationSignals(thread).map((s) => s.kind)).not.toContain("vulnerable_customer");
  });

  it("counts earlier cases on record as repeat contact", () => {
    const signals = escalationSignals(buildThread(ROUTINE, { customer: { previousCases: 4 } }));
    expect(signals).toEqual([
      { kind: "repeat_contact", severity: 1, explanation: "4 earlier cases on record.", messageIds: [] },
    ]);
  });

  it("raises case flags from the input: SLA breach, VIP and low CSAT", () => {
    const thread = buildThread(ROUTINE, { case: { slaBreached: true, vip: true, csat: 1 } });
    expect(escalationSignals(thread).map((s) => [s.kind, s.severity])).toEqual([
      ["sla_breached", 2],
      ["low_csat", 2],
      ["vip", 1],
    ]);
    // The flag covers either target, so the words must not claim it was the response one.
    expect(escalationSignals(thread)[0]?.explanation).toBe(
      "The case has missed an SLA target (first response or resolution).",
    );
    expect(escalationSignals(buildThread(ROUTINE, { case: { csat: 4 } }))).toEqual([]);
  });

  it("hears safety words and requests for a manager in the text itself", () => {
    const thread = buildThread([
      ["inbound", "Ali", "The heater you installed is sparking and I can smell gas in the kitchen."],
      ["inbound", "Ali", "My manager said I should write to you. Let me speak to your supervisor please."],
    ]);
    const kinds = byKind(escalationSignals(thread));
    expect(kinds.get("safety")).toMatchObject({ severity: 3, messageIds: ["m1"] });
    expect(kinds.get("manager_requested")?.messageIds).toEqual(["m2"]);
    expect(
      escalationSignals(buildThread([["inbound", "Ali", "My manager said I should write to you."]])),
    ).toEqual([]);
  });

  it("reads stored analyses of any shape without throwing", () => {
    const thread = buildThread(ROUTINE);
    const junk: unknown[] = [
      null,
      42,
      "text",
      [],
      { kind: "customer", result: { anger: "high" } },
      { labels: null },
    ];
    const broken: ThreadInput = {
      ...thread,
      messages: junk.map(
        (analysis, i) =>
          ({ ...thread.messages[0], id: `j${i}`, analysis }) as ThreadInput["messages"][number],
      ),
    };
    expect(escalationSignals(broken)).toEqual([]);
    // A bare coach result (not wrapped as stored) is read too.
    const furious = buildThread(FURIOUS_CHARGEBACK);
    const bare: ThreadInput = {
      ...furious,
      messages: furious.messages.map((m) => ({
        ...m,
        analysis: (m.analysis as { result?: unknown } | null)?.result ?? null,
      })),
    };
    expect(escalationSignals(bare)).toEqual(escalationSignals(furious));
  });

  it("stays fast on a long thread", () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? (["inbound", "Dana", "Where is my parcel? I want a refund."] as const)
        : (["outbound", "Sam", "I've checked with the courier. I'll update you tomorrow."] as const),
    );
    const thread = buildThread(lines);
    const long: ThreadInput = {
      ...thread,
      messages: Array.from({ length: 2_000 }, (_, i) => {
        const m = thread.messages[i % thread.messages.length] as ThreadInput["messages"][number];
        return { ...m, id: `x${i}`, createdAt: new Date(Date.parse(m.createdAt) + i * 1000).toISOString() };
      }),
    };
    const started = performance.now();
    escalationSignals(long);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
