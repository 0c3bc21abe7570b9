/** @module Reflection cards API: an agent's private look back at a hard case, shared only if they choose. */
import { z } from "zod";
import { Offset, Text, Timestamp, Uuid } from "./common.js";

export const ReflectionItem = z.object({
  label: z.string().describe("The coach label on the reply (e.g. `empathy`, `blame`)."),
  text: z.string().describe("What the reply did, in plain words."),
  replyMessageId: Uuid,
  customerMessageIds: z.array(Uuid).describe("The customer messages before and after the reply."),
  angerBefore: z.number(),
  angerAfter: z.number(),
});
export type ReflectionItem = z.infer<typeof ReflectionItem>;

export const Reflection = z.object({
  id: Uuid,
  agentId: Uuid,
  caseId: Uuid,
  wentWell: z.array(ReflectionItem),
  tryNext: z.array(ReflectionItem),
  messageIds: z.array(Uuid),
  shared: z.boolean(),
  sharedAt: Timestamp.nullable(),
  notes: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;

export const ReflectionList = z.object({ reflections: z.array(Reflection) });
export const ReflectionQuery = Offset;
export const ReflectionPatch = z.object({ notes: Text(10_000) });
