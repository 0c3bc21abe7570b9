/** @module The escalation rules a new desk starts with, before an admin saves their own. */
import type { EscalationRule } from "@keel/contracts";

export const DEFAULT_ESCALATION_RULES: readonly EscalationRule[] = [
  {
    id: "safety",
    name: "Risk to someone's safety",
    enabled: true,
    conditions: { safety: true },
    action: { kind: "escalate", priority: "urgent" },
  },
  {
    id: "legal-threat",
    name: "Legal or regulator threat",
    enabled: true,
    conditions: { threatKinds: ["legal", "regulator"] },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "furious-rising",
    name: "Furious and getting angrier",
    enabled: true,
    conditions: { angerAtLeast: "furious", angerRising: true },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "manager-requested",
    name: "Customer asked for a manager",
    enabled: true,
    conditions: { managerRequested: true },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "unresolved-replies",
    name: "Four replies and still unresolved",
    enabled: true,
    conditions: { unresolvedRepliesAtLeast: 4 },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "abuse-after-boundary",
    name: "Abuse went on after a boundary was set",
    enabled: true,
    conditions: { abuse: "after_boundary" },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "sla-breached-angry",
    name: "Target missed and the customer is angry",
    enabled: true,
    conditions: { slaBreached: true, angerAtLeast: "angry" },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "vip-angry",
    name: "Angry VIP customer",
    enabled: true,
    conditions: { vip: true, angerAtLeast: "angry" },
    action: { kind: "escalate", priority: "high" },
  },
  {
    id: "chargeback-threat",
    name: "Chargeback threatened",
    enabled: true,
    conditions: { threatKinds: ["chargeback"] },
    action: { kind: "advise", priority: "high" },
  },
  {
    id: "vulnerable-customer",
    name: "Customer in vulnerable circumstances",
    enabled: true,
    conditions: { vulnerableCustomer: true },
    action: { kind: "advise", priority: "high" },
  },
  {
    id: "low-csat",
    name: "Low satisfaction score",
    enabled: true,
    conditions: { csatAtMost: 2 },
    action: { kind: "advise", priority: "high" },
  },
];
