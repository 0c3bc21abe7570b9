/** @module Messages API: the timeline of a case, new messages with the coach's analysis, attachments. */
import { z } from "zod";
import { Case } from "./cases.js";
import { Name, Text, Timestamp, Uuid } from "./common.js";
import { ContactKind } from "./customers.js";

export const MESSAGE_DIRECTION_VALUES = ["inbound", "outbound", "note"] as const;
export const MessageDirection = z.enum(MESSAGE_DIRECTION_VALUES);
export const MESSAGE_CHANNEL_VALUES = ["email", "web", "api", "chat", "phone"] as const;
export const MessageChannel = z.enum(MESSAGE_CHANNEL_VALUES);

/** Largest message body accepted, in characters. */
export const MAX_MESSAGE_CHARS = 100_000;

export const Message = z.object({
  id: Uuid,
  caseId: Uuid,
  direction: MessageDirection,
  channel: MessageChannel,
  body: z.string(),
  authorAgentId: Uuid.nullable(),
  authorContactId: Uuid.nullable(),
  externalMessageId: z.string().nullable(),
  analysis: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      "The coach's reading: `{kind: 'customer', result: CustomerAnalysis}` for inbound messages, " +
        "`{kind: 'reply', result: ReplyCoaching}` for outbound replies, null for notes.",
    ),
  maskedSpans: z
    .array(z.object({ start: z.number().int(), end: z.number().int() }))
    .optional()
    .describe("For agents who mask profanity: where `body` (and the analysis' quotes) were masked."),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

export const MessageList = z.object({ messages: z.array(Message) });

export const NewMessageBody = z.discriminatedUnion("direction", [
  z.object({
    direction: z.literal("outbound"),
    body: Text(MAX_MESSAGE_CHARS, 1),
    channel: MessageChannel.default("email"),
    confirmOverpromise: z
      .boolean()
      .optional()
      .describe(
        "Send even though the coach flags an over-promise (otherwise 409 `overpromise_unconfirmed`).",
      ),
  }),
  z.object({ direction: z.literal("note"), body: Text(MAX_MESSAGE_CHARS, 1) }),
  z.object({
    direction: z.literal("inbound"),
    body: Text(MAX_MESSAGE_CHARS, 1),
    channel: MessageChannel.default("api"),
    contact: z.object({ kind: ContactKind, value: Text(320, 1), name: Name(200).optional() }),
    externalMessageId: Text(500, 1).optional(),
  }),
]);

export const CreatedMessage = z.object({ message: Message, case: Case, created: z.boolean() });

export const Attachment = z.object({
  id: Uuid,
  messageId: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: Timestamp,
});
export const AttachmentList = z.object({ attachments: z.array(Attachment) });

export const NewAttachmentBody = z.object({
  filename: Name(255).refine((s) => !/[/\\]/.test(s), "must be a file name without folders"),
  contentType: z
    .string()
    .max(200)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, "must be a media type like text/plain"),
  contentBase64: z.base64().describe("The file's bytes, base64-encoded."),
});
