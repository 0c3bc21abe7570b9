/** @module Escalation API: the editable rules, the agent's advice, the supervisor queue and the handoff brief. */
import { z } from "zod";
import { Case } from "./cases.js";
import { Name, Text, Timestamp, Uuid } from "./common.js";

export const ESCALATION_SIGNAL_KINDS = [
  "anger_high",
  "anger_rising",
  "legal_threat",
  "chargeback_threat",
  "public_threat",
  "abuse",
  "abuse_after_boundary",
  "repeat_contact",
  "manager_requested",
  "unresolved_replies",
  "safety",
  "vulnerable_customer",
  "sla_breached",
  "vip",
  "low_csat",
] as const;
export const THREAT_KIND_VALUES = ["legal", "churn", "social_media", "regulator", "chargeback"] as const;
export const ANGER_LEVEL_NAMES = ["calm", "annoyed", "angry", "furious"] as const;
export const ESCALATION_STATUS_VALUES = ["open", "taken", "resolved"] as const;
export const ESCALATION_SOURCE_VALUES = ["rule", "agent", "sla"] as const;

export const EscalationSignal = z.object({
  kind: z.enum(ESCALATION_SIGNAL_KINDS),
  severity: z.number().int().min(1).max(3).describe("1 worth knowing, 2 escalate soon, 3 escalate now."),
  explanation: z.string().describe("Why, in plain words."),
  messageIds: z.array(z.string()).describe("The messages the signal was read from."),
});

/** Every condition given must hold for the rule to fire; a boolean set to false must NOT hold. */
const conditionFields = {
  angerAtLeast: z
    .enum(["annoyed", "angry", "furious"])
    .optional()
    .describe("The customer's latest message reads at least this angry."),
  angerRising: z.boolean().optional().describe("Anger rose over the last customer messages."),
  threatKinds: z
    .array(z.enum(THREAT_KIND_VALUES))
    .min(1)
    .max(THREAT_KIND_VALUES.length)
    .optional()
    .describe("The customer made one of these threats."),
  abuse: z
    .enum(["any", "after_boundary"])
    .optional()
    .describe("Abuse towards the team; `after_boundary`: it went on after an agent set a boundary."),
  repeatContact: z.boolean().optional(),
  slaBreached: z.boolean().optional().describe("A first-response or resolution target was missed."),
  managerRequested: z.boolean().optional(),
  csatAtMost: z.number().int().min(1).max(5).optional().describe("The customer's latest CSAT (1–5)."),
  vip: z.boolean().optional(),
  unresolvedRepliesAtLeast: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe("Agent replies so far while the customer's latest word, after them, is still not calm."),
  safety: z.boolean().optional(),
  vulnerableCustomer: z.boolean().optional(),
};

export const EscalationConditions = z
  .strictObject(conditionFields)
  .refine((c) => Object.values(c).some((v) => v !== undefined), "give at least one condition");
export type EscalationConditions = z.infer<typeof EscalationConditions>;

export const EscalationAction = z.strictObject({
  kind: z
    .enum(["escalate", "advise"])
    .default("escalate")
    .describe("`escalate` queues the case for a supervisor; `advise` only tells the agent."),
  priority: z.enum(["high", "urgent"]).default("high").describe("The case is raised to at least this."),
  teamId: Uuid.nullable().optional().describe("Move the escalated case to this team."),
});

/** A rule as an admin sends it: checked strictly, unknown fields refused so a typo cannot silently do nothing. */
export const EscalationRule = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "use lower-case letters, digits and dashes, e.g. legal-threat"),
  name: Name(120),
  enabled: z.boolean().default(true),
  conditions: EscalationConditions,
  action: EscalationAction,
});
export type EscalationRule = z.infer<typeof EscalationRule>;

/** A rule as stored and returned (responses are encoded, so no defaults or transforms here). */
export const StoredEscalationRule = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  conditions: z.object(conditionFields),
  action: z.object({
    kind: z.enum(["escalate", "advise"]),
    priority: z.enum(["high", "urgent"]),
    teamId: Uuid.nullable().optional(),
  }),
});

export const EscalationRules = z
  .array(EscalationRule)
  .max(100)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `rule id "${rule.id}" is used twice` });
      }
      seen.add(rule.id);
    });
  });

export const EscalationRulesPut = z.strictObject({
  rules: EscalationRules,
  baseVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("The version these edits started from: refused (409) when another was saved since."),
});

export const EscalationRuleSet = z.object({
  version: z.number().int().describe("0: the built-in defaults, nobody has saved rules yet."),
  builtIn: z.boolean(),
  rules: z.array(StoredEscalationRule),
  authorAgentId: Uuid.nullable(),
  createdAt: Timestamp.nullable(),
});
export const EscalationRuleSetList = z.object({ versions: z.array(EscalationRuleSet) });

export const HandoffBrief = z.object({
  caseRef: z.object({
    id: z.string(),
    number: z.union([z.number(), z.string()]),
    subject: z.string(),
    priority: z.string(),
    status: z.string(),
  }),
  customer: z.object({
    name: z.string(),
    contacts: z.array(z.string()),
    previousCases: z.number().int().optional(),
  }),
  summary: z.string(),
  timeline: z.array(z.object({ at: z.string(), who: z.string(), what: z.string(), messageId: z.string() })),
  wants: z.array(z.string()),
  tried: z.array(z.string()),
  promised: z.array(z.string()),
  anger: z.object({
    current: z.number().nullable(),
    level: z.enum(ANGER_LEVEL_NAMES).nullable(),
    trend: z.enum(["rising", "falling", "steady"]).nullable(),
  }),
  threats: z.array(z.object({ kind: z.enum(THREAT_KIND_VALUES), text: z.string(), messageId: z.string() })),
  signals: z.array(EscalationSignal),
  recommendedNextStep: z.string(),
  citations: z.array(z.string()).describe("Every message the brief draws on, in thread order."),
  generatedAt: z.string().optional(),
});

export const BriefResponse = z.object({
  brief: HandoffBrief,
  markdown: z.string().describe("The brief for reading or mailing; customer text is escaped."),
});

export const Escalation = z.object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: z.number().int(),
  caseSubject: z.string(),
  source: z.enum(ESCALATION_SOURCE_VALUES),
  ruleName: z.string().nullable(),
  severity: z.number().int().min(1).max(3),
  reasons: z.array(EscalationSignal),
  status: z.enum(ESCALATION_STATUS_VALUES),
  requestedByAgentId: Uuid.nullable(),
  takenByAgentId: Uuid.nullable(),
  takenAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  note: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  brief: HandoffBrief.describe("The brief as it was when the case was escalated."),
  markdown: z.string(),
});

export const EscalationList = z.object({ escalations: z.array(Escalation) });

export const EscalationListQuery = z.object({
  status: z
    .union([z.enum(ESCALATION_STATUS_VALUES), z.array(z.enum(ESCALATION_STATUS_VALUES))])
    .optional()
    .describe("One status, or repeat the parameter; without it, the open and taken ones."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Sending no body at all is the same as `{}`: escalating takes one click. */
export const EscalateCaseBody = z
  .strictObject({
    note: Text(2000).optional().describe("What the agent wants the supervisor to know."),
    teamId: Uuid.nullable().optional().describe("Move the case to this team."),
  })
  .nullish()
  .transform((body) => body ?? {});

export const EscalateCaseResult = z.object({
  created: z.boolean().describe("False when the case was already in the queue: that escalation is returned."),
  escalation: Escalation,
  case: Case,
});

export const ResolveEscalationBody = z
  .strictObject({ note: Text(2000).optional() })
  .nullish()
  .transform((body) => body ?? {});
export const EscalationCaseResult = z.object({ escalation: Escalation, case: Case });

export const EscalationAdvice = z.object({
  caseId: Uuid,
  escalated: z.boolean().describe("The case is in the supervisor queue (open or taken)."),
  escalation: Escalation.nullable(),
  advised: z.boolean().describe("At least one enabled rule fires: escalation is advised."),
  signals: z.array(EscalationSignal),
  rules: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["escalate", "advise"]),
      fires: z.boolean(),
      reasons: z.array(EscalationSignal),
    }),
  ),
  ruleSetVersion: z.number().int(),
});

export const VipBody = z.strictObject({ vip: z.boolean() });
export const VipResult = z.object({ customerId: Uuid, vip: z.boolean() });
