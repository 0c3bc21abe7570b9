/**
 * @module Keeping customers informed and following up: the coach's check of texts the desk sends on its own, the
 * drafted progress update, the portal's timeline and next update, the follow-up questions and outcome figures.
 */
import { z } from "zod";
import { CaseStatus } from "./cases.js";
import { Text, Timestamp, Uuid } from "./common.js";
import { Setting } from "./notifications.js";

export const TextCheck = z.object({
  score: z.number().describe("0–100, the coach's score of the text."),
  passes: z.boolean().describe("No problem flagged and a good score."),
  problems: z.array(
    z.object({
      label: z.string().describe("non_apology, blame, robotic, overpromise or negative_language."),
      spans: z.array(z.string()).describe("The words that triggered it."),
      suggestion: z.string().nullable(),
    }),
  ),
  fixes: z.array(z.string()).describe("The coach's top fixes in plain words."),
});

export const UpdateDraft = z.object({
  caseId: Uuid,
  text: z.string().describe("A drafted progress update for the agent to edit and send."),
  lastUpdateAt: Timestamp.describe("The last message the customer got from us."),
  dueAt: Timestamp.describe("When an update is due by the case's priority (progress_updates setting)."),
  nextUpdateAt: Timestamp.describe("When the draft tells the customer they will hear from us next."),
  nextPromise: z.object({ text: z.string(), dueAt: Timestamp }).nullable(),
  coach: TextCheck,
});

export const AcknowledgmentSettingBody = z.object({
  value: z.unknown().describe("{ enabled?, template } — the template with {{placeholders}}."),
  force: z.boolean().default(false).describe("Save even when the coach flags problems."),
});

export const AcknowledgmentSetting = Setting.extend({ coach: TextCheck });

export const AcknowledgmentRefused = z.object({
  error: z.object({
    code: z.literal("unprocessable"),
    message: z.string(),
    labels: z.array(z.string()),
    suggestions: z.array(z.string()),
  }),
  coach: TextCheck,
});

export const TemplateCheckBody = z.object({ template: Text(4000, 1) });

export const PortalTimelineEvent = z.object({
  kind: z.enum(["message", "status"]),
  at: Timestamp,
  from: z.enum(["customer", "agent"]).nullable(),
  text: z.string().describe("The message, or the status change in plain words."),
  status: CaseStatus.nullable(),
});

export const PortalNextUpdate = z.object({
  at: Timestamp.nullable().describe("When the customer will hear from us next; null while we wait on them."),
  basis: z.enum(["first_response", "progress_update", "followup", "waiting_on_you", "none"]),
});

export const FollowupState = z.enum(["scheduled", "waiting", "answered", "cancelled"]);

export const PortalFollowup = z.object({
  number: z.number().int(),
  subject: z.string(),
  state: FollowupState,
  question: z.string(),
  sentAt: Timestamp.nullable(),
  answer: z
    .object({
      fixHeld: z.boolean(),
      csat: z.number().int(),
      comment: z.string().nullable(),
      answeredAt: Timestamp,
    })
    .nullable(),
});

export const FollowupAnswerBody = z.object({
  fixHeld: z.boolean().describe("Did the fix hold?"),
  csat: z.number().int().min(1).max(5).describe("How satisfied, 1 (not at all) to 5 (very)."),
  comment: Text(5000).optional(),
});

export const FollowupAnswerResponse = z.object({
  outcome: z.enum(["closed", "reopened"]),
  caseStatus: CaseStatus,
  message: z.string().describe("What happens now, for the customer."),
});

export const Followup = z.object({
  id: Uuid,
  caseId: Uuid,
  state: FollowupState,
  dueAt: Timestamp,
  sentAt: Timestamp.nullable(),
  answeredAt: Timestamp.nullable(),
  fixHeld: z.boolean().nullable(),
  csat: z.number().int().nullable(),
  comment: z.string().nullable(),
  commentAnger: z.number().int().nullable(),
  outcome: z.enum(["closed", "reopened"]).nullable(),
  cancelReason: z.string().nullable(),
  agentId: Uuid.nullable(),
  teamId: Uuid.nullable(),
});

export const FollowupList = z.object({ followups: z.array(Followup) });

export const OutcomesQuery = z.object({
  groupBy: z.enum(["agent", "team", "topic"]).default("agent"),
  from: Timestamp.optional().describe("Resolutions from this time (default: 30 days before `to`)."),
  to: Timestamp.optional().describe("Up to this time, exclusive (default: now)."),
});

export const OutcomeGroup = z.object({
  key: z.string().nullable().describe("Agent id, team id or tag; null for none."),
  label: z.string(),
  resolutions: z.number().int(),
  answered: z.number().int(),
  csatAverage: z.number().nullable(),
  csatCount: z.number().int(),
  fixHeldRate: z.number().nullable().describe("Share of answers saying the fix held."),
  reopenRate: z
    .number()
    .nullable()
    .describe("Share of resolutions reopened (bad answer or the customer wrote again)."),
});

export const Outcomes = z.object({
  groupBy: z.enum(["agent", "team", "topic"]),
  from: Timestamp,
  to: Timestamp,
  groups: z.array(OutcomeGroup),
});
