/**
 * @module Case changes escalation makes (tag and priority on escalating, owner on taking, tag off on resolving)
 * inside the caller's transaction — a rule firing on an inbound message commits with that message. Each change is
 * audited, passed to the case reactions and announced as `case.updated`, as the cases service does.
 */
import {
  type Case,
  type CaseChanges,
  type CasePriority,
  type Database,
  updateCase as writeCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import { reactToCaseChange } from "../../reactions/index.js";
import { failure, fromDb, type Result } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { emitEvent } from "../cases/events.js";
import type { CoreDeps } from "../cases/service.js";
import { dueTimesAfterPriorityChange, isMoreUrgent } from "../cases/sla.js";
import { currentSlaTargets } from "../cases/sla-setting.js";

export const ESCALATED_TAG = "escalated";

export interface EscalationCaseEdit {
  /** The case ends at least this urgent (the SLA due times tighten with it). */
  atLeastPriority?: CasePriority;
  teamId?: string | null;
  assigneeId?: string;
  addTag?: string;
  removeTag?: string;
}

export async function changeCaseInTransaction(
  trx: Kysely<Database>,
  deps: CoreDeps,
  caseId: string,
  edit: EscalationCaseEdit,
  actor: Actor,
  action: string,
  now: Date,
): Promise<Result<Case>> {
  const before = await trx
    .selectFrom("cases")
    .selectAll()
    .where("id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return failure("not_found", `case ${caseId} not found`);
  const changes: CaseChanges = {};
  let tags = before.tags;
  if (edit.addTag !== undefined && !tags.includes(edit.addTag)) tags = [...tags, edit.addTag];
  if (edit.removeTag !== undefined) tags = tags.filter((t) => t !== edit.removeTag);
  if (tags !== before.tags) changes.tags = tags;
  if (edit.atLeastPriority !== undefined && isMoreUrgent(edit.atLeastPriority, before.priority)) {
    changes.priority = edit.atLeastPriority;
    const targets = await currentSlaTargets(trx, deps.slaTargets);
    const due = dueTimesAfterPriorityChange(before, edit.atLeastPriority, targets);
    changes.firstResponseDueAt = due.firstResponseDueAt;
    changes.resolutionDueAt = due.resolutionDueAt;
  }
  if (edit.teamId !== undefined && edit.teamId !== before.team_id) changes.teamId = edit.teamId;
  if (edit.assigneeId !== undefined && edit.assigneeId !== before.assignee_id) {
    changes.assigneeId = edit.assigneeId;
  }
  if (Object.keys(changes).length === 0) return { ok: true, value: before };
  const after = fromDb(
    await writeCase(trx, caseId, changes),
    edit.teamId === undefined ? undefined : "teamId",
  );
  if (!after.ok) return after;
  await audit(trx, actor, { entity: "case", entityId: caseId, action, before, after: after.value });
  await reactToCaseChange({ trx, deps, before, after: after.value, actor, action, now });
  await emitEvent(deps.jobs, "case.updated", { case: after.value, action }, trx);
  return after;
}
