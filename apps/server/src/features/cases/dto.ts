/** @module The API view of a case (camelCase, ISO timestamps). */
import type { Case as CaseDto } from "@keel/contracts";
import type { Case } from "@keel/db";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toCaseDto(kase: Case): CaseDto {
  return {
    id: kase.id,
    number: kase.number,
    subject: kase.subject,
    status: kase.status,
    priority: kase.priority,
    customerId: kase.customer_id,
    teamId: kase.team_id,
    assigneeId: kase.assignee_id,
    tags: kase.tags,
    firstResponseDueAt: iso(kase.first_response_due_at),
    firstRespondedAt: iso(kase.first_responded_at),
    resolutionDueAt: iso(kase.resolution_due_at),
    resolvedAt: iso(kase.resolved_at),
    slaPaused: kase.sla_paused_at !== null,
    slaPausedSeconds: kase.sla_paused_seconds,
    createdAt: kase.created_at.toISOString(),
    updatedAt: kase.updated_at.toISOString(),
  };
}
