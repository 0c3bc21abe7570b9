/** @module Customer portal API: a signed link opens one case for its customer. */
import { z } from "zod";
import { CaseStatus } from "./cases.js";
import { Text, Timestamp, Uuid } from "./common.js";
import { PortalNextUpdate, PortalTimelineEvent } from "./followups.js";
import { MAX_MESSAGE_CHARS } from "./messages.js";
import { PortalPromise } from "./promises.js";

export const PortalParams = z.object({ token: z.string().min(10).max(500) });

export const PortalMessage = z.object({
  id: Uuid,
  from: z.enum(["customer", "agent"]),
  body: z.string(),
  createdAt: Timestamp,
});

export const PortalCase = z.object({
  number: z.number().int(),
  subject: z.string(),
  status: CaseStatus,
  createdAt: Timestamp,
  messages: z.array(PortalMessage),
  promises: z.array(PortalPromise).describe("What we promised and by when, still open."),
  statusText: z.string().describe("The status in plain words."),
  timeline: z
    .array(PortalTimelineEvent)
    .describe("What happened: messages and status changes, oldest first."),
  nextUpdate: PortalNextUpdate,
});

export const PortalReplyBody = z.object({ body: Text(MAX_MESSAGE_CHARS, 1) });
export const PortalReplyResponse = z.object({ message: PortalMessage });
