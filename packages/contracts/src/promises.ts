/** @module Promise ledger API: commitments made in replies, their due times, and keeping or withdrawing them. */
import { z } from "zod";
import { Text, Timestamp, Uuid } from "./common.js";

export const PROMISE_STATUS_VALUES = ["open", "fulfilled", "cancelled"] as const;
export const PromiseStatus = z.enum(PROMISE_STATUS_VALUES);
export const PROMISE_KIND_VALUES = ["callback", "update", "refund", "replacement", "fix", "other"] as const;
export const PromiseKindSchema = z.enum(PROMISE_KIND_VALUES);

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

/** A promise as agents see it (named so it does not shadow the built-in `Promise`). */
export const LedgerPromise = z.object({
  id: Uuid,
  caseId: Uuid,
  messageId: Uuid.describe("The reply that made the promise."),
  ownerAgentId: Uuid.nullable().describe("The agent who owes it: the reply's author."),
  owedBy: z
    .enum(["agent", "team", "company"])
    .describe("Who the reply says will act: the writer, their team, or the company."),
  kind: PromiseKindSchema,
  text: z.string().describe('What is owed, e.g. "call you back".'),
  span: SpanSchema.describe("The promise clause in the reply (character offsets into its body)."),
  confidence: z.number(),
  dueAt: Timestamp.nullable().describe("Null when the reply gave no time."),
  dueText: z.string().nullable().describe('The time as written, e.g. "within 2 business days".'),
  timezone: z.string().describe("The customer's zone the due time was read in."),
  status: PromiseStatus,
  overdue: z.boolean(),
  fulfilledAt: Timestamp.nullable(),
  fulfilledBy: z
    .object({
      kind: z.enum(["agent", "reply"]),
      agentId: Uuid.nullable(),
      messageId: Uuid.nullable(),
    })
    .nullable(),
  cancelledAt: Timestamp.nullable(),
  cancelReason: z.string().nullable(),
  remindedAt: Timestamp.nullable(),
  overdueAlertedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type LedgerPromise = z.infer<typeof LedgerPromise>;

export const LedgerPromiseList = z.object({ promises: z.array(LedgerPromise) });

export const PromiseListQuery = z.object({
  status: PromiseStatus.optional(),
  owner: z
    .union([z.literal("me"), Uuid])
    .optional()
    .describe("`me` or an agent id; agents see only their own, supervisors anyone's (all when absent)."),
  overdue: z.enum(["true", "false"]).optional().describe("`true`: only open promises past their due time."),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const CancelPromiseBody = z.object({
  reason: Text(500)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "say why the promise is withdrawn")),
});

export const PromisePatch = z.object({
  dueAt: Timestamp.nullable().describe("The new due time; null when there is none."),
  dueText: Text(200).nullable().optional().describe("The time in words; defaults to none."),
});

/** What the customer sees of a promise in the portal: what and when, nothing internal. */
export const PortalPromise = z.object({
  text: z.string(),
  dueAt: Timestamp.nullable(),
  dueText: z.string().nullable(),
});

/** 409 when a reply over-promises and the sender did not confirm it (`confirmOverpromise: true`). */
export const OverpromiseConflict = z.object({
  error: z.object({
    code: z.literal("overpromise_unconfirmed"),
    message: z.string(),
    spans: z.array(SpanSchema).describe("The over-promising wording in the reply."),
    suggestions: z.array(z.string()).describe("Honest rewrites or advice, one per flagged span when known."),
  }),
});
