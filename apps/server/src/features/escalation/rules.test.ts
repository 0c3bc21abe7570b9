/** @module Tests for rule evaluation on threads read by the real coach: which rules fire, with which reasons. */
import { type EscalationRule, EscalationRules } from "@keel/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";
import { caseFacts } from "./facts.js";
import { prepareThread } from "./prepare.js";
import { evaluateRules, signalOptionsFor } from "./rules.js";
import {
  ABUSE_AFTER_BOUNDARY,
  buildThread,
  CALM_VULNERABLE,
  FURIOUS_CHARGEBACK,
  ROUTINE,
} from "./scenarios.test-support.js";
import { escalationSignalsOf } from "./signals.js";
import type { ThreadInput } from "./thread.js";

function run(thread: ThreadInput, rules: readonly EscalationRule[] = DEFAULT_ESCALATION_RULES) {
  const msgs = prepareThread(thread);
  const signals = escalationSignalsOf(msgs, thread, signalOptionsFor(rules));
  return evaluateRules(rules, caseFacts(msgs, thread), signals);
}

const firing = (outcomes: ReturnType<typeof run>) => outcomes.filter((o) => o.fires).map((o) => o.rule.id);

const rule = (id: string, conditions: EscalationRule["conditions"]): EscalationRule => ({
  id,
  name: id,
  enabled: true,
  conditions,
  action: { kind: "escalate", priority: "high" },
});

describe("default escalation rules", () => {
  it("are valid by the contract the admin's edits are checked against", () => {
    expect(EscalationRules.safeParse(DEFAULT_ESCALATION_RULES).success).toBe(true);
  });

  it("fire on a furious customer threatening a regulator and asking for a manager, citing the messages", () => {
    const outcomes = run(buildThread(FURIOUS_CHARGEBACK));
    expect(firing(outcomes)).toEqual(
      expect.arrayContaining(["legal-threat", "furious-rising", "manager-requested", "chargeback-threat"]),
    );
    const legal = outcomes.find((o) => o.rule.id === "legal-threat");
    expect(legal?.reasons.map((r) => r.kind)).toEqual(["legal_threat"]);
    expect(legal?.reasons[0]?.messageIds).toEqual(["m8"]);
    const furious = outcomes.find((o) => o.rule.id === "furious-rising");
    expect(furious?.reasons.map((r) => r.kind).sort()).toEqual(["anger_high", "anger_rising"]);
    // Three replies: below the default four.
    expect(firing(outcomes)).not.toContain("unresolved-replies");
  });

  it("fire on abuse that goes on after a boundary, and only advise on a vulnerable customer", () => {
    expect(firing(run(buildThread(ABUSE_AFTER_BOUNDARY)))).toContain("abuse-after-boundary");
    expect(firing(run(buildThread(CALM_VULNERABLE)))).toEqual(["vulnerable-customer"]);
    const advice = run(buildThread(CALM_VULNERABLE)).find((o) => o.rule.id === "vulnerable-customer");
    expect(advice?.rule.action.kind).toBe("advise");
  });

  it("stay quiet on a routine case, even for a VIP whose case missed its target while they are calm", () => {
    expect(firing(run(buildThread(ROUTINE)))).toEqual([]);
    expect(firing(run(buildThread(ROUTINE, { case: { vip: true, slaBreached: true } })))).toEqual([]);
  });
});

describe("evaluateRules", () => {
  it("needs every condition to hold, and reads a false flag as 'must not hold'", () => {
    const thread = buildThread(FURIOUS_CHARGEBACK);
    const rules = [
      rule("angry-vip", { angerAtLeast: "angry", vip: true }),
      rule("angry-not-vip", { angerAtLeast: "angry", vip: false }),
      rule("safety", { safety: true }),
    ];
    expect(firing(run(thread, rules))).toEqual(["angry-not-vip"]);
    expect(firing(run({ ...thread, case: { ...thread.case, vip: true } }, rules))).toEqual(["angry-vip"]);
  });

  it("takes the reply threshold from the rules, so the signal appears where the rule asks for it", () => {
    const thread = buildThread(FURIOUS_CHARGEBACK);
    const three = run(thread, [rule("three", { unresolvedRepliesAtLeast: 3 })]);
    expect(three[0]?.fires).toBe(true);
    expect(three[0]?.reasons[0]).toMatchObject({
      kind: "unresolved_replies",
      messageIds: ["m2", "m4", "m7", "m8"],
    });
    expect(run(thread, [rule("four", { unresolvedRepliesAtLeast: 4 })])[0]?.fires).toBe(false);
    expect(
      signalOptionsFor([rule("a", { unresolvedRepliesAtLeast: 5 }), rule("b", { csatAtMost: 3 })]),
    ).toEqual({
      unresolvedReplyLimit: 5,
      lowCsat: 3,
    });
  });

  it("reads CSAT, threat kinds and anger levels from the facts, with a reason in plain words", () => {
    const thread = buildThread(ROUTINE, { case: { csat: 3 } });
    const [csat] = run(thread, [rule("csat", { csatAtMost: 3 })]);
    expect(csat?.fires).toBe(true);
    expect(csat?.reasons[0]).toMatchObject({ kind: "low_csat", explanation: "The customer rated us 3/5." });
    expect(run(thread, [rule("csat", { csatAtMost: 2 })])[0]?.fires).toBe(false);

    const furious = buildThread(FURIOUS_CHARGEBACK);
    expect(run(furious, [rule("churn", { threatKinds: ["churn"] })])[0]?.fires).toBe(false);
    const [chargeback] = run(furious, [rule("bank", { threatKinds: ["churn", "chargeback"] })]);
    expect(chargeback?.reasons.map((r) => r.kind)).toEqual(["chargeback_threat"]);
    const [annoyed] = run(buildThread(ABUSE_AFTER_BOUNDARY), [rule("annoyed", { angerAtLeast: "annoyed" })]);
    expect(annoyed?.fires).toBe(true);
    expect(annoyed?.reasons[0]?.messageIds).toEqual(["m3"]);
  });

  it("skips disabled rules entirely", () => {
    const off = { ...rule("off", { managerRequested: true }), enabled: false };
    expect(run(buildThread(FURIOUS_CHARGEBACK), [off])).toEqual([]);
  });
});
