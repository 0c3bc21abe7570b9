/** @module Escalations as the API shows them: the stored row, the case it belongs to, the brief and its Markdown. */
import type { EscalationRow } from "@keel/db";
import { type HandoffBrief, renderBriefMarkdown } from "./brief.js";
import type { RuleSetView } from "./rule-store.js";
import type { EscalationSignal } from "./signals.js";

export interface CaseLabel {
  number: number;
  subject: string;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toEscalationDto(row: EscalationRow, kase: CaseLabel) {
  // Both columns hold what this feature wrote: a HandoffBrief and a list of signals.
  const brief = row.brief as unknown as HandoffBrief;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: kase.number,
    caseSubject: kase.subject,
    source: row.source,
    ruleName: row.rule_name,
    severity: row.severity,
    reasons: row.reasons as unknown as EscalationSignal[],
    status: row.status,
    requestedByAgentId: row.requested_by_agent_id,
    takenByAgentId: row.taken_by_agent_id,
    takenAt: iso(row.taken_at),
    resolvedAt: iso(row.resolved_at),
    note: row.note,
    resolutionNote: row.resolution_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    brief,
    markdown: renderBriefMarkdown(brief),
  };
}

export const toRuleSetDto = (view: RuleSetView) => ({
  version: view.version,
  builtIn: view.builtIn,
  rules: view.rules,
  authorAgentId: view.authorAgentId,
  createdAt: iso(view.createdAt),
});
