/**
 * @module Escalation rules against a case: which rules fire, and the signals that made each one fire. Pure: the
 * rule set, the facts and the signals come in, outcomes go out.
 */

import type { EscalationConditions, EscalationRule } from "@keel/contracts";
import type { CaseFacts } from "./facts.js";
import {
  type EscalationSignal,
  type EscalationSignalKind,
  LOW_CSAT,
  type SignalOptions,
  THREAT_SIGNAL,
  UNRESOLVED_REPLY_LIMIT,
} from "./signals.js";

export interface RuleOutcome {
  rule: EscalationRule;
  fires: boolean;
  /** The signals behind the conditions that hold (explanations and message ids); empty when it does not fire. */
  reasons: EscalationSignal[];
}

const LEVELS = { annoyed: 1, angry: 2, furious: 3 } as const;
const LEVEL_NAMES = ["calm", "annoyed", "angry", "furious"] as const;

/** The thresholds signals should use so that every enabled rule's condition has a signal to cite. */
export function signalOptionsFor(rules: readonly EscalationRule[]): SignalOptions {
  const enabled = rules.filter((r) => r.enabled);
  const replies = enabled.flatMap((r) =>
    r.conditions.unresolvedRepliesAtLeast === undefined ? [] : [r.conditions.unresolvedRepliesAtLeast],
  );
  const csat = enabled.flatMap((r) =>
    r.conditions.csatAtMost === undefined ? [] : [r.conditions.csatAtMost],
  );
  return {
    unresolvedReplyLimit: replies.length > 0 ? Math.min(...replies) : UNRESOLVED_REPLY_LIMIT,
    lowCsat: csat.length > 0 ? Math.max(...csat) : LOW_CSAT,
  };
}

/** Every condition a rule can give. */
const CONDITION_FIELDS = [
  "angerAtLeast",
  "angerRising",
  "threatKinds",
  "abuse",
  "repeatContact",
  "slaBreached",
  "managerRequested",
  "csatAtMost",
  "vip",
  "unresolvedRepliesAtLeast",
  "safety",
  "vulnerableCustomer",
] as const satisfies ReadonlyArray<keyof EscalationConditions>;

/**
 * Whether every condition given holds (false when none is given), read from the facts and from which signal kinds
 * showed: the one test both the full evaluation and the quick look after each inbound message use.
 */
function conditionsHold(
  c: EscalationConditions,
  facts: CaseFacts,
  signals: readonly EscalationSignal[],
): boolean {
  if (!CONDITION_FIELDS.some((field) => c[field] !== undefined)) return false;
  const has = (kind: EscalationSignalKind) => signals.some((s) => s.kind === kind);
  /** A yes/no condition read from a signal: true asks for it, false asks for its absence. */
  const flag = (wanted: boolean | undefined, kind: EscalationSignalKind) =>
    wanted === undefined || has(kind) === wanted;
  const latest = facts.latest;
  if (c.angerAtLeast !== undefined && !(latest !== null && latest.level >= LEVELS[c.angerAtLeast])) {
    return false;
  }
  if (!flag(c.angerRising, "anger_rising")) return false;
  if (c.threatKinds !== undefined && !c.threatKinds.some((k) => facts.threatKinds.has(k))) return false;
  if (c.abuse !== undefined && !(has("abuse_after_boundary") || (c.abuse === "any" && has("abuse")))) {
    return false;
  }
  if (!flag(c.repeatContact, "repeat_contact")) return false;
  if (c.slaBreached !== undefined && facts.slaBreached !== c.slaBreached) return false;
  if (!flag(c.managerRequested, "manager_requested")) return false;
  if (c.csatAtMost !== undefined && !(facts.csat !== null && facts.csat <= c.csatAtMost)) return false;
  if (c.vip !== undefined && facts.vip !== c.vip) return false;
  if (c.unresolvedRepliesAtLeast !== undefined && !(facts.unresolvedReplies >= c.unresolvedRepliesAtLeast)) {
    return false;
  }
  return flag(c.safety, "safety") && flag(c.vulnerableCustomer, "vulnerable_customer");
}

/** The signals behind the conditions of a rule that fires (every condition given holds), in condition order. */
function reasonsFor(
  c: EscalationConditions,
  facts: CaseFacts,
  signals: readonly EscalationSignal[],
): EscalationSignal[] {
  const byKind = (kind: EscalationSignalKind) => signals.filter((s) => s.kind === kind);
  /** A yes/no condition cites its signal when it asks for it. */
  const flag = (wanted: boolean | undefined, kind: EscalationSignalKind) => (wanted ? byKind(kind) : []);
  const reasons: EscalationSignal[] = [];

  const latest = facts.latest;
  if (c.angerAtLeast !== undefined && latest) {
    const high = byKind("anger_high");
    reasons.push(
      ...(high.length > 0
        ? high
        : [
            {
              kind: "anger_high" as const,
              severity: latest.level >= 2 ? (2 as const) : (1 as const),
              explanation: `The customer's latest message reads as ${LEVEL_NAMES[latest.level]} (anger ${Math.round(latest.anger)}/100).`,
              messageIds: [latest.id],
            },
          ]),
    );
  }
  reasons.push(...flag(c.angerRising, "anger_rising"));
  if (c.threatKinds !== undefined) {
    const kinds = new Set<EscalationSignalKind>(
      c.threatKinds.filter((k) => facts.threatKinds.has(k)).map((k) => THREAT_SIGNAL[k]),
    );
    reasons.push(...signals.filter((s) => kinds.has(s.kind)));
  }
  if (c.abuse !== undefined) {
    reasons.push(
      ...signals.filter(
        (s) => s.kind === "abuse_after_boundary" || (c.abuse === "any" && s.kind === "abuse"),
      ),
    );
  }
  reasons.push(...flag(c.repeatContact, "repeat_contact"), ...flag(c.slaBreached, "sla_breached"));
  reasons.push(...flag(c.managerRequested, "manager_requested"));
  if (c.csatAtMost !== undefined) {
    const low = byKind("low_csat");
    reasons.push(
      ...(low.length > 0
        ? low
        : [
            {
              kind: "low_csat" as const,
              severity: 2 as const,
              explanation: `The customer rated us ${facts.csat}/5.`,
              messageIds: [],
            },
          ]),
    );
  }
  reasons.push(...flag(c.vip, "vip"));
  if (c.unresolvedRepliesAtLeast !== undefined) reasons.push(...byKind("unresolved_replies"));
  reasons.push(...flag(c.safety, "safety"), ...flag(c.vulnerableCustomer, "vulnerable_customer"));
  return reasons;
}

/** Every enabled rule with whether it fires; a rule with no conditions (refused when saved) never fires. */
export function evaluateRules(
  rules: readonly EscalationRule[],
  facts: CaseFacts,
  signals: readonly EscalationSignal[],
): RuleOutcome[] {
  return rules
    .filter((rule) => rule.enabled)
    .map((rule) => {
      const fires = conditionsHold(rule.conditions, facts, signals);
      const reasons = fires ? uniqueSignals(reasonsFor(rule.conditions, facts, signals)) : [];
      return { rule, fires, reasons };
    });
}

/**
 * Whether an enabled rule whose action is to escalate fires: what `evaluateRules` says, without the reasons (the
 * signals' explanations and message ids are not read, so they may be left out).
 */
export function anyEscalatingRuleFires(
  rules: readonly EscalationRule[],
  facts: CaseFacts,
  signals: readonly EscalationSignal[],
): boolean {
  return rules.some(
    (rule) =>
      rule.enabled && rule.action.kind === "escalate" && conditionsHold(rule.conditions, facts, signals),
  );
}

/** Signals once each (by kind), most severe first. */
export function uniqueSignals(signals: readonly EscalationSignal[]): EscalationSignal[] {
  const byKind = new Map<string, EscalationSignal>();
  for (const s of signals) if (!byKind.has(s.kind)) byKind.set(s.kind, s);
  return [...byKind.values()].sort((a, b) => b.severity - a.severity);
}
