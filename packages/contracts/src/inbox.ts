/** @module Inbox API: the agent's queue with what needs attention first (SLA, anger, threats, overdue promises). */
import { z } from "zod";
import { Case, CaseStatus } from "./cases.js";
import { Text, Timestamp, Uuid } from "./common.js";

export const INBOX_SORT_VALUES = ["attention", "newest", "oldest", "updated"] as const;
export const INBOX_ANGER_VALUES = ["annoyed", "angry", "furious"] as const;
export const INBOX_THREAT_VALUES = [
  "any",
  "legal",
  "churn",
  "social_media",
  "regulator",
  "chargeback",
] as const;

export const InboxQuery = z.object({
  status: z
    .union([CaseStatus, z.array(CaseStatus)])
    .optional()
    .describe("One status, or repeat the parameter; without it every case not resolved or closed."),
  team: Uuid.optional(),
  assignee: z
    .union([Uuid, z.literal("me"), z.literal("none")])
    .optional()
    .describe("An agent id, `me`, or `none` for unassigned."),
  tag: Text(50, 1).optional(),
  anger: z
    .enum(INBOX_ANGER_VALUES)
    .optional()
    .describe("Only cases whose customer's latest message reads at least this angry."),
  threat: z
    .enum(INBOX_THREAT_VALUES)
    .optional()
    .describe("Only cases where the customer threatened (this kind, or `any`)."),
  abuse: z.enum(["true"]).optional().describe("Only cases with abuse aimed at the team."),
  q: Text(200)
    .optional()
    .describe("Search: case number (#1042 or 1042), subject, customer name or any message text."),
  sort: z
    .enum(INBOX_SORT_VALUES)
    .default("attention")
    .describe(
      "`attention`: SLA breached or due soon, anger, threats, abuse, overdue promises, waiting customer.",
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const AttentionReason = z.object({
  kind: z.enum([
    "sla_breached",
    "sla_due_soon",
    "anger",
    "threat",
    "abuse",
    "overdue_promise",
    "awaiting_reply",
    "priority",
  ]),
  text: z.string().describe('In plain words, e.g. "first reply overdue by 2 h".'),
  points: z.number().describe("Its share of the attention score."),
});

export const InboxItem = z.object({
  case: Case,
  customerName: z.string(),
  attention: z.object({
    score: z.number().describe("Higher needs attention sooner."),
    reasons: z.array(AttentionReason).describe("Largest share first."),
  }),
  anger: z
    .object({
      value: z.number().describe("0–100, the customer's latest message."),
      label: z.string(),
      trend: z.enum(["rising", "falling", "steady"]).nullable(),
      peak: z.number().describe("Highest anger of any customer message in the case."),
    })
    .nullable()
    .describe("Null before the customer has written."),
  threats: z.array(z.string()).describe("Threat kinds the customer made in the case."),
  abusive: z.boolean(),
  overduePromises: z.number().int(),
  openPromises: z.number().int(),
  sla: z.object({
    kind: z.enum(["first_response", "resolution"]).nullable().describe("Which target runs now; null: none."),
    dueAt: Timestamp.nullable(),
    breached: z.boolean(),
    paused: z.boolean(),
  }),
  lastMessage: z
    .object({
      direction: z.enum(["inbound", "outbound", "note"]),
      at: Timestamp,
      snippet: z.string().describe("The start of the message, one line."),
    })
    .nullable(),
  messageCount: z.number().int(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  total: z.number().int().describe("Cases matching the filters (before limit/offset)."),
  truncated: z
    .boolean()
    .describe("True when more cases matched than the attention sort ranks (the newest 2,000 are ranked)."),
});
