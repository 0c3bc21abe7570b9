/** @module Cases API: the case, its edits, escalation, the anger trajectory and the audit trail. */
import { z } from "zod";
import { Name, Text, Timestamp, Uuid } from "./common.js";

export const CASE_STATUS_VALUES = [
  "new",
  "open",
  "pending_customer",
  "pending_internal",
  "resolved",
  "closed",
] as const;
export const CaseStatus = z.enum(CASE_STATUS_VALUES);
export const CASE_PRIORITY_VALUES = ["low", "normal", "high", "urgent"] as const;
export const CasePriority = z.enum(CASE_PRIORITY_VALUES);

const Tags = z.array(Text(50, 1)).max(30);

export const Case = z.object({
  id: Uuid,
  number: z.number().int().describe("Human-facing case number (#1042)."),
  subject: z.string(),
  status: CaseStatus,
  priority: CasePriority,
  customerId: Uuid,
  teamId: Uuid.nullable(),
  assigneeId: Uuid.nullable(),
  tags: z.array(z.string()),
  firstResponseDueAt: Timestamp.nullable(),
  firstRespondedAt: Timestamp.nullable(),
  resolutionDueAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  slaPaused: z.boolean().describe("True while waiting on the customer: the SLA clock is stopped."),
  slaPausedSeconds: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Case = z.infer<typeof Case>;

export const NewCaseBody = z.object({
  subject: Name(300),
  customerId: Uuid,
  priority: CasePriority.optional(),
  teamId: Uuid.nullable().optional(),
  assigneeId: Uuid.nullable().optional(),
  tags: Tags.optional(),
});

export const CasePatch = z
  .object({
    subject: Name(300),
    status: CaseStatus,
    priority: CasePriority,
    teamId: Uuid.nullable(),
    assigneeId: Uuid.nullable(),
    tags: Tags,
  })
  .partial();

export const CaseListQuery = z.object({
  status: z
    .union([CaseStatus, z.array(CaseStatus)])
    .optional()
    .describe("One status, or repeat the parameter for several."),
  priority: z.union([CasePriority, z.array(CasePriority)]).optional(),
  assignee: z
    .union([Uuid, z.literal("none")])
    .optional()
    .describe("An agent id, or `none` for unassigned."),
  team: Uuid.optional(),
  customer: Uuid.optional(),
  tag: Text(50, 1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const CaseList = z.object({ cases: z.array(Case) });

export const EscalateBody = z.object({
  reason: Text(1000).optional(),
  teamId: Uuid.nullable().optional(),
});

export const AngerTrajectory = z.object({
  caseId: Uuid,
  points: z.array(
    z.object({
      messageId: Uuid,
      at: Timestamp,
      anger: z.number().describe("0–100 anger of this customer message."),
      label: z.string().describe("calm, annoyed, angry or furious."),
    }),
  ),
  trend: z.enum(["rising", "falling", "steady"]).nullable().describe("Null with fewer than two messages."),
});

export const AuditEntry = z.object({
  id: Uuid,
  actorKind: z.enum(["agent", "contact", "api_token", "system"]),
  actorId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: Timestamp,
});
export const AuditList = z.object({ entries: z.array(AuditEntry) });
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: Timestamp.optional().describe("Only entries older than this instant."),
  beforeId: Uuid.optional().describe(
    "The id of the last entry seen: the next page starts right after it, exact even where entries share a millisecond.",
  ),
});

export const PortalLink = z.object({
  url: z
    .string()
    .describe("The customer's page in the web app (`/portal/<token>`), under KEEL_PUBLIC_URL when set."),
  token: z.string(),
  expiresAt: Timestamp,
});
export const PortalLinkBody = z.object({
  days: z.number().int().min(1).max(365).default(30).describe("How long the link stays valid."),
});
