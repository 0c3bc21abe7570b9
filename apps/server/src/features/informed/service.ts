/**
 * @module What the customer is told and when: the portal's timeline in plain words and the next expected update,
 * plus the services other features call (acknowledgments, drafted updates, template checks).
 */
import { type Case, type Database, listAuditFor, listFollowupsForCase, listMessages } from "@keel/db";
import type { Kysely } from "kysely";
import { readSetting } from "../settings/service.js";
import { progressUpdatesSetting } from "./settings.js";
import { lastCustomerUpdate, updateIntervalMs } from "./update-draft.js";

export { ACKNOWLEDGE_QUEUE, queueAcknowledgment, sendAcknowledgment } from "./acknowledge.js";
export { checkCustomerText, checkTemplate, GOOD_SCORE, type TextCheck } from "./coach-check.js";
export { issueCustomerLink } from "./customer-link.js";
export { addDeskMessage, announceDeskMessage } from "./desk-message.js";
export { deskVoiceFor } from "./desk-voice.js";
export { checkProgressUpdates, PROGRESS_CHECK_EVERY_MS, PROGRESS_CHECK_QUEUE } from "./progress-job.js";
export { formatForCustomer, greetingName } from "./template.js";
export { draftProgressUpdate, type UpdateDraft } from "./update-draft.js";

export type NextUpdateBasis = "first_response" | "progress_update" | "followup" | "waiting_on_you" | "none";

export interface NextUpdate {
  /** When the customer will hear from us next; null when we are waiting on them or the case is done. */
  at: Date | null;
  basis: NextUpdateBasis;
}

/**
 * The next update the customer can expect: the first response due time until a person replies, then the last
 * update plus the priority's progress interval; the follow-up date once resolved; nothing while it waits on them.
 */
export async function nextExpectedUpdate(db: Kysely<Database>, kase: Case, now: Date): Promise<NextUpdate> {
  const latest = (at: Date) => (at.getTime() < now.getTime() ? now : at);
  switch (kase.status) {
    case "pending_customer":
      return { at: null, basis: "waiting_on_you" };
    case "closed":
      return { at: null, basis: "none" };
    case "resolved": {
      const [followup] = await listFollowupsForCase(db, kase.id);
      const waiting = followup && followup.sent_at === null && followup.cancelled_at === null;
      return waiting ? { at: followup.due_at, basis: "followup" } : { at: null, basis: "none" };
    }
    default: {
      if (kase.first_responded_at === null && kase.first_response_due_at !== null) {
        return { at: latest(kase.first_response_due_at), basis: "first_response" };
      }
      const hours = await readSetting(db, progressUpdatesSetting);
      const last = await lastCustomerUpdate(db, kase);
      return {
        at: latest(new Date(last.getTime() + updateIntervalMs(hours, kase.priority))),
        basis: "progress_update",
      };
    }
  }
}

export interface TimelineEvent {
  kind: "message" | "status";
  at: Date;
  /** For messages: who wrote it. */
  from?: "customer" | "agent";
  /** The message, or the status change said plainly. */
  text: string;
  /** For status changes: the new status. */
  status?: Case["status"];
}

/** Status changes as a customer would put them. */
const STATUS_WORDS: Record<Case["status"], string> = {
  new: "We received your case.",
  open: "We're working on your case.",
  pending_customer: "We're waiting for your reply.",
  pending_internal: "We're checking with another team.",
  resolved: "We resolved your case.",
  closed: "Your case is closed.",
};

/** The case's status as the portal shows it. */
export function statusInWords(status: Case["status"]): string {
  return STATUS_WORDS[status];
}

function statusOf(snapshot: unknown): Case["status"] | undefined {
  if (snapshot === null || typeof snapshot !== "object" || !("status" in snapshot)) return undefined;
  const status = (snapshot as { status: unknown }).status;
  return typeof status === "string" && status in STATUS_WORDS ? (status as Case["status"]) : undefined;
}

/**
 * What happened, as the customer may see it: their messages and ours (never internal notes) and each status
 * change in plain words, oldest first. A case going back to open after being resolved reads as reopened.
 */
export async function customerTimeline(db: Kysely<Database>, kase: Case): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  for (const message of await listMessages(db, kase.id)) {
    if (message.direction === "note") continue;
    events.push({
      kind: "message",
      at: message.created_at,
      from: message.direction === "inbound" ? "customer" : "agent",
      text: message.body,
    });
  }
  for (const entry of await listAuditFor(db, "case", kase.id)) {
    const before = statusOf(entry.before);
    const after = statusOf(entry.after);
    if (after === undefined || before === after || (before === undefined && entry.action !== "create"))
      continue;
    const reopened = after === "open" && (before === "resolved" || before === "closed");
    events.push({
      kind: "status",
      at: entry.at,
      status: after,
      text: reopened ? "We reopened your case." : STATUS_WORDS[after],
    });
  }
  return events.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "status" ? -1 : 1),
  );
}
