/**
 * @module Cases: creation with SLA due times, status changes that stop and restart the SLA clock, edits, and the
 * helpers the SLA job calls (`findOverdueCases`, `bumpPriority`, `escalate`). Every change is audited and
 * announced as a webhook event after it commits.
 */
import {
  type Case,
  type CaseChanges,
  type CaseFilter,
  type CasePriority,
  type CaseStatus,
  type Database,
  getCase as findCase,
  createCase as insertCase,
  isUuid,
  pauseSla,
  listCases as queryCases,
  resumeSla,
  updateCase as writeCase,
} from "@keel/db";
import { type Kysely, sql } from "kysely";
import type { Clock } from "../../clock.js";
import type { Jobs } from "../../jobs/jobs.js";
import { reactToCaseChange } from "../../reactions/index.js";
import { failure, fromDb, type Result, transact } from "../../service-result.js";
import { type Actor, audit, SYSTEM_ACTOR } from "../audit/service.js";
import { emitEvent } from "./events.js";
import {
  DEFAULT_SLA_TARGETS,
  dueTimes,
  dueTimesAfterPriorityChange,
  isMoreUrgent,
  nextPriority,
  type SlaTargets,
  shiftedDueTimes,
} from "./sla.js";
import { currentSlaTargets } from "./sla-setting.js";

/** What case and message services need: the database, the clock, the job queue (and optional SLA targets). */
export interface CoreDeps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: Jobs;
  slaTargets?: SlaTargets;
}

export interface NewCaseInput {
  subject: string;
  customerId: string;
  priority?: CasePriority | undefined;
  status?: CaseStatus | undefined;
  teamId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  tags?: string[] | undefined;
}

/** Creates a case in `db` (which may be a transaction) without announcing it; for services composing writes. */
export async function insertCaseWithSla(
  db: Kysely<Database>,
  clock: Clock,
  input: NewCaseInput,
  actor: Actor,
  targets: SlaTargets = DEFAULT_SLA_TARGETS,
): Promise<Result<Case>> {
  const due = dueTimes(input.priority ?? "normal", clock.now(), targets);
  const created = fromDb(
    await insertCase(db, {
      subject: input.subject,
      customerId: input.customerId,
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(input.status === undefined ? {} : { status: input.status }),
      teamId: input.teamId ?? null,
      assigneeId: input.assigneeId ?? null,
      tags: input.tags ?? [],
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
    }),
  );
  if (!created.ok) return created;
  await audit(db, actor, {
    entity: "case",
    entityId: created.value.id,
    action: "create",
    after: created.value,
  });
  return created;
}

/**
 * Opens a case; its audit entry, its webhook event and the caller's `inTransaction` work (e.g. the answer stored for an
 * Idempotency-Key) commit together.
 */
export async function createCase(
  deps: CoreDeps,
  input: NewCaseInput,
  actor: Actor = SYSTEM_ACTOR,
  options: { inTransaction?: (trx: Kysely<Database>, created: Case) => Promise<void> } = {},
): Promise<Result<Case>> {
  return transact(deps.db, async (trx) => {
    const targets = await currentSlaTargets(trx, deps.slaTargets);
    const created = await insertCaseWithSla(trx, deps.clock, input, actor, targets);
    if (!created.ok) return created;
    await emitEvent(deps.jobs, "case.created", { case: created.value }, trx);
    await options.inTransaction?.(trx, created.value);
    return created;
  });
}

export async function getCase(deps: Pick<CoreDeps, "db">, id: string): Promise<Result<Case>> {
  return fromDb(await findCase(deps.db, id));
}

export async function listCases(deps: Pick<CoreDeps, "db">, filter: CaseFilter = {}): Promise<Case[]> {
  return queryCases(deps.db, filter);
}

export interface CaseEdit {
  subject?: string | undefined;
  status?: CaseStatus | undefined;
  priority?: CasePriority | undefined;
  teamId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  tags?: string[] | undefined;
}

const DONE: readonly CaseStatus[] = ["resolved", "closed"];

/**
 * Applies an edit in one transaction: the SLA clock stops on entering `pending_customer` and restarts (due times
 * shifted) on leaving it; `resolved_at` follows the status; a priority change recomputes the due times.
 */
export async function updateCase(
  deps: CoreDeps,
  id: string,
  edit: CaseEdit,
  actor: Actor = SYSTEM_ACTOR,
  action = "update",
): Promise<Result<Case>> {
  const now = deps.clock.now();
  const result = await transact(deps.db, (trx) => applyCaseEdit(trx, deps, id, edit, actor, action, now));
  if (result.ok) await emitEvent(deps.jobs, "case.updated", { case: result.value, action });
  return result;
}

/**
 * `updateCase` inside a transaction the caller holds (the case row is locked until it ends), for services that
 * change a case along with other writes in one commit. Announcing the change is left to the caller.
 */
export async function applyCaseEdit(
  trx: Kysely<Database>,
  deps: CoreDeps,
  id: string,
  edit: CaseEdit,
  actor: Actor,
  action: string,
  now: Date,
): Promise<Result<Case>> {
  const current = await lockCase(trx, id);
  if (!current) return failure("not_found", `case ${id} not found`);
  let kase = current;
  const changes: CaseChanges = {};
  if (edit.subject !== undefined) changes.subject = edit.subject;
  if (edit.teamId !== undefined) changes.teamId = edit.teamId;
  if (edit.assigneeId !== undefined) changes.assigneeId = edit.assigneeId;
  if (edit.tags !== undefined) changes.tags = edit.tags;
  if (edit.priority !== undefined && edit.priority !== kase.priority) {
    changes.priority = edit.priority;
    const targets = await currentSlaTargets(trx, deps.slaTargets);
    const due = dueTimesAfterPriorityChange(kase, edit.priority, targets);
    changes.firstResponseDueAt = due.firstResponseDueAt;
    changes.resolutionDueAt = due.resolutionDueAt;
  }
  if (edit.status !== undefined && edit.status !== kase.status) {
    changes.status = edit.status;
    if (edit.status === "pending_customer" && kase.sla_paused_at === null) {
      const paused = fromDb(await pauseSla(trx, id, now));
      if (!paused.ok) return paused;
      kase = paused.value;
    } else if (edit.status !== "pending_customer" && kase.sla_paused_at !== null) {
      const shifted = shiftedDueTimes(kase, kase.sla_paused_at, now);
      const resumed = fromDb(await resumeSla(trx, id, now));
      if (!resumed.ok) return resumed;
      kase = resumed.value;
      changes.firstResponseDueAt ??= shifted.firstResponseDueAt;
      changes.resolutionDueAt ??= shifted.resolutionDueAt;
    }
    if (DONE.includes(edit.status) && kase.resolved_at === null) changes.resolvedAt = now;
    if (!DONE.includes(edit.status)) changes.resolvedAt = null;
    if (DONE.includes(kase.status) && !DONE.includes(edit.status)) {
      // Reopened: the case met (or missed) its target when it was resolved; the new work gets a fresh one.
      const targets = await currentSlaTargets(trx, deps.slaTargets);
      changes.resolutionDueAt = dueTimes(edit.priority ?? kase.priority, now, targets).resolutionDueAt;
    }
  }
  const updated = fromDb(await writeCase(trx, id, changes));
  if (!updated.ok) return updated;
  await audit(trx, actor, { entity: "case", entityId: id, action, before: current, after: updated.value });
  await reactToCaseChange({ trx, deps, before: current, after: updated.value, actor, action, now });
  // Reactions may change the case again (an escalation leaving the queue drops its tag): answer with the row as stored.
  return fromDb(await findCase(trx, id));
}

export async function setStatus(
  deps: CoreDeps,
  id: string,
  status: CaseStatus,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Result<Case>> {
  return updateCase(deps, id, { status }, actor, "status");
}

/** Raises the priority one step (urgent stays urgent) and tightens the due times. */
export async function bumpPriority(
  deps: CoreDeps,
  id: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Result<Case>> {
  const current = await getCase(deps, id);
  if (!current.ok) return current;
  return updateCase(deps, id, { priority: nextPriority(current.value.priority) }, actor, "bump_priority");
}

/** Hands a case up: at least high priority, tagged `escalated`, optionally moved to another team. */
export async function escalate(
  deps: CoreDeps,
  id: string,
  options: { teamId?: string | null; reason?: string } = {},
  actor: Actor = SYSTEM_ACTOR,
): Promise<Result<Case>> {
  const current = await getCase(deps, id);
  if (!current.ok) return current;
  const kase = current.value;
  const edit: CaseEdit = { tags: [...kase.tags, "escalated"] };
  if (!isMoreUrgent(kase.priority, "high") && kase.priority !== "high") edit.priority = "high";
  if (options.teamId !== undefined) edit.teamId = options.teamId;
  return updateCase(deps, id, edit, actor, "escalate");
}

export type SlaBreach = "first_response" | "resolution";

/** Open cases past a due time at `now` (paused clocks excluded), most urgent first. */
export async function findOverdueCases(
  db: Kysely<Database>,
  now: Date,
): Promise<Array<{ case: Case; breaches: SlaBreach[] }>> {
  const rows = await db
    .selectFrom("cases")
    .selectAll()
    .where("status", "not in", DONE)
    .where("sla_paused_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("first_responded_at", "is", null), eb("first_response_due_at", "<", now)]),
        eb("resolution_due_at", "<", now),
      ]),
    )
    .orderBy(sql`array_position(array['urgent','high','normal','low']::text[], priority)`)
    .orderBy("created_at")
    .execute();
  return rows.map((kase) => {
    const breaches: SlaBreach[] = [];
    if (kase.first_responded_at === null && kase.first_response_due_at && kase.first_response_due_at < now) {
      breaches.push("first_response");
    }
    if (kase.resolution_due_at && kase.resolution_due_at < now) breaches.push("resolution");
    return { case: kase, breaches };
  });
}

/** The case row locked for this transaction, so concurrent edits apply one after the other. */
async function lockCase(trx: Kysely<Database>, id: string): Promise<Case | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("cases").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}
