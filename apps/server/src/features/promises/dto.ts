/** @module A stored promise as the API shows it: to agents in full, to the customer only what and when. */
import type { PromiseRow } from "@keel/db";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Open and past its due time at `now`. */
export const isOverdue = (p: PromiseRow, now: Date): boolean =>
  p.status === "open" && p.due_at !== null && p.due_at.getTime() <= now.getTime();

export const toPromiseDto = (p: PromiseRow, now: Date) => ({
  id: p.id,
  caseId: p.case_id,
  messageId: p.message_id,
  ownerAgentId: p.owner_agent_id,
  owedBy: p.owed_by,
  kind: p.kind,
  text: p.text,
  span: { start: p.span_start, end: p.span_end, text: p.span_text },
  confidence: p.confidence,
  dueAt: iso(p.due_at),
  dueText: p.due_text,
  timezone: p.timezone,
  status: p.status,
  overdue: isOverdue(p, now),
  fulfilledAt: iso(p.fulfilled_at),
  fulfilledBy:
    p.fulfilled_by_kind === null
      ? null
      : {
          kind: p.fulfilled_by_kind,
          agentId: p.fulfilled_by_agent_id,
          messageId: p.fulfilled_by_message_id,
        },
  cancelledAt: iso(p.cancelled_at),
  cancelReason: p.cancel_reason,
  remindedAt: iso(p.reminded_at),
  overdueAlertedAt: iso(p.overdue_alerted_at),
  createdAt: p.created_at.toISOString(),
  updatedAt: p.updated_at.toISOString(),
});

/** The customer sees the promise clause as written and its due time, nothing internal. */
export const toPortalPromise = (p: PromiseRow) => ({
  text: p.span_text,
  dueAt: iso(p.due_at),
  dueText: p.due_text,
});
