/** @module Notifications (reminders, alerts) and versioned admin settings. */
import { z } from "zod";
import { Timestamp, Uuid } from "./common.js";

export const Notification = z.object({
  id: Uuid,
  kind: z.string().describe("What it is about, e.g. `promise_due_soon`, `escalation`, `followup_reopened`."),
  caseId: Uuid.nullable(),
  title: z.string(),
  body: z.string(),
  data: z.unknown().nullable(),
  to: z.enum(["me", "supervisor", "admin"]).describe("Sent to this agent, or to everyone with the role."),
  read: z.boolean(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({ notifications: z.array(Notification), unread: z.number().int() });

export const NotificationQuery = z.object({
  unread: z.enum(["true", "false"]).optional().describe("`true`: only unread notifications."),
  kind: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const SettingKeyParams = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{0,63}$/, "must be a setting key such as `followups` or `abuse_policy`"),
});

export const Setting = z.object({
  key: z.string(),
  description: z.string(),
  value: z.unknown(),
  default: z.unknown(),
  version: z.number().int().describe("0 while the built-in default is in force."),
  updatedAt: Timestamp.nullable(),
  updatedBy: Uuid.nullable(),
});
export type Setting = z.infer<typeof Setting>;

export const SettingList = z.object({ settings: z.array(Setting) });
export const SettingHistory = z.object({
  key: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      value: z.unknown(),
      createdAt: Timestamp,
      updatedBy: Uuid.nullable(),
    }),
  ),
});
export const SettingBody = z.object({
  value: z.unknown().describe("The whole new value; validated per key."),
});
