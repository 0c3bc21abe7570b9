/**
 * @module Escalation rules against a case: which rules fire, and the signals that made each one fire. Pure: the
 * rule set, the facts and the signals come in, outcomes go out.
 */

import type { ThreatKind } from "@keel/coach";
import type { EscalationConditions, EscalationRule } from "@keel/contracts";
import type { CaseFacts } from "./facts.js";
import {
  type EscalationSignal,
  type EscalationSignalKind,
  LOW_CSAT,
  type SignalOptions,
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
/** The signal each threat kind is reported under. */
const THREAT_SIGNAL: Record<ThreatKind, EscalationSignalKind> = {
  legal: "legal_threat",
  regulator: "legal_threat",
  chargeback: "chargeback_threat",
  social_media: "public_threat",
  churn: "public_threat",
};

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

type Check = { holds: boolean; reasons: EscalationSignal[] };

function checkConditions(
  c: EscalationConditions,
  facts: CaseFacts,
  signals: readonly EscalationSignal[],
): Check[] {
  const byKind = (kind: EscalationSignalKind) => signals.filter((s) => s.kind === kind);
  /** A yes/no condition read from a signal: true asks for it, false asks for its absence. */
  const flag = (wanted: boolean | undefined, kind: EscalationSignalKind): Check[] => {
    if (wanted === undefined) return [];
    const found = byKind(kind);
    return [{ holds: found.length > 0 === wanted, reasons: wanted ? found : [] }];
  };
  const checks: Check[] = [];

  if (c.angerAtLeast !== undefined) {
    const latest = facts.latest;
    const holds = latest !== null && latest.level >= LEVELS[c.angerAtLeast];
    const high = byKind("anger_high");
    const reasons: EscalationSignal[] =
      !holds || !latest
        ? []
        : high.length > 0
          ? high
          : [
              {
                kind: "anger_high",
                severity: latest.level >= 2 ? 2 : 1,
                explanation: `The customer's latest message reads as ${LEVEL_NAMES[latest.level]} (anger ${Math.round(latest.anger)}/100).`,
                messageIds: [latest.id],
              },
            ];
    checks.push({ holds, reasons });
  }
  checks.push(...flag(c.angerRising, "anger_rising"));
  if (c.threatKinds !== undefined) {
    const matched = c.threatKinds.filter((k) => facts.threatKinds.has(k));
    const kinds = new Set(matched.map((k) => THREAT_SIGNAL[k]));
    checks.push({ holds: matched.length > 0, reasons: signals.filter((s) => kinds.has(s.kind)) });
  }
  if (c.abuse !== undefined) {
    const found = signals.filter(
      (s) => s.kind === "abuse_after_boundary" || (c.abuse === "any" && s.kind === "abuse"),
    );
    checks.push({ holds: found.length > 0, reasons: found });
  }
  checks.push(...flag(c.repeatContact, "repeat_contact"));
  if (c.slaBreached !== undefined) {
    checks.push({
      holds: facts.slaBreached === c.slaBreached,
      reasons: c.slaBreached ? byKind("sla_breached") : [],
    });
  }
  checks.push(...flag(c.managerRequested, "manager_requested"));
  if (c.csatAtMost !== undefined) {
    const holds = facts.csat !== null && facts.csat <= c.csatAtMost;
    const low = byKind("low_csat");
    const reasons: EscalationSignal[] = !holds
      ? []
      : low.length > 0
        ? low
        : [
            {
              kind: "low_csat",
              severity: 2,
              explanation: `The customer rated us ${facts.csat}/5.`,
              messageIds: [],
            },
          ];
    checks.push({ holds, reasons });
  }
  if (c.vip !== undefined) {
    checks.push({ holds: facts.vip === c.vip, reasons: c.vip ? byKind("vip") : [] });
  }
  if (c.unresolvedRepliesAtLeast !== undefined) {
    checks.push({
      holds: facts.unresolvedReplies >= c.unresolvedRepliesAtLeast,
      reasons: byKind("unresolved_replies"),
    });
  }
  checks.push(...flag(c.safety, "safety"), ...flag(c.vulnerableCustomer, "vulnerable_customer"));
  return checks;
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
      const checks = checkConditions(rule.conditions, facts, signals);
      const fires = checks.length > 0 && checks.every((c) => c.holds);
      const reasons = fires ? uniqueSignals(checks.flatMap((c) => c.reasons)) : [];
      return { rule, fires, reasons };
    });
}

/** Signals once each (by kind), most severe first. */
export function uniqueSignals(signals: readonly EscalationSignal[]): EscalationSignal[] {
  const byKind = new Map<string, EscalationSignal>();
  for (const s of signals) if (!byKind.has(s.kind)) byKind.set(s.kind, s);
  return [...byKind.values()].sort((a, b) => b.severity - a.severity);
}
