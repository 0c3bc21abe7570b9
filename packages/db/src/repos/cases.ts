/** @module Cases: one customer problem, its status, priority, owner, tags and SLA clock. */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Case, CasePriority, CaseStatus, Database } from "../schema.js";

export interface NewCase {
  subject: string;
  customerId: string;
  status?: CaseStatus;
  priority?: CasePriority;
  teamId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
  firstResponseDueAt?: Date | null;
  resolutionDueAt?: Date | null;
  portalTokenHash?: string | null;
}

export interface CaseChanges {
  subject?: string;
  status?: CaseStatus;
  priority?: CasePriority;
  teamId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
  firstResponseDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  resolutionDueAt?: Date | null;
  resolvedAt?: Date | null;
  portalTokenHash?: string | null;
}

export interface CaseFilter {
  statuses?: CaseStatus[];
  priorities?: CasePriority[];
  /** null: unassigned cases only. */
  assigneeId?: string | null;
  teamId?: string;
  customerId?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

/** Tags are a small vocabulary: trimmed, lower-cased, de-duplicated, sorted. */
export const normaliseTags = (tags: readonly string[]): string[] =>
  [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort();

export async function createCase(db: Kysely<Database>, input: NewCase): Promise<DbResult<Case>> {
  return guarded("case", async () =>
    ok(
      await db
        .insertInto("cases")
        .values({
          subject: input.subject,
          customer_id: input.customerId,
          ...(input.status === undefined ? {} : { status: input.status }),
          ...(input.priority === undefined ? {} : { priority: input.priority }),
          team_id: input.teamId ?? null,
          assignee_id: input.assigneeId ?? null,
          tags: normaliseTags(input.tags ?? []),
          first_response_due_at: input.firstResponseDueAt ?? null,
          resolution_due_at: input.resolutionDueAt ?? null,
          portal_token_hash: input.portalTokenHash ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

export async function getCase(db: Kysely<Database>, id: string): Promise<DbResult<Case>> {
  if (!isUuid(id)) return notFound("case", id);
  return found(await db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst(), "case", id);
}

export async function getCaseByNumber(db: Kysely<Database>, number: number): Promise<DbResult<Case>> {
  const row = await db.selectFrom("cases").selectAll().where("number", "=", number).executeTakeFirst();
  return row ? ok(row) : notFound("case", `#${number}`);
}

/** The customer portal identifies a case by the hash of the token in its link. */
export async function findCaseByPortalTokenHash(
  db: Kysely<Database>,
  hash: string,
): Promise<Case | undefined> {
  return db.selectFrom("cases").selectAll().where("portal_token_hash", "=", hash).executeTakeFirst();
}

const PRIORITY_RANK = sql<number>`array_position(array['urgent','high','normal','low']::text[], priority)`;

/** A queue: most urgent first, then oldest first. */
export async function listCases(db: Kysely<Database>, filter: CaseFilter = {}): Promise<Case[]> {
  let query = db.selectFrom("cases").selectAll();
  if (filter.statuses?.length) query = query.where("status", "in", filter.statuses);
  if (filter.priorities?.length) query = query.where("priority", "in", filter.priorities);
  if (filter.assigneeId === null) query = query.where("assignee_id", "is", null);
  else if (filter.assigneeId !== undefined) query = query.where("assignee_id", "=", filter.assigneeId);
  if (filter.teamId !== undefined) query = query.where("team_id", "=", filter.teamId);
  if (filter.customerId !== undefined) query = query.where("customer_id", "=", filter.customerId);
  if (filter.tag !== undefined) {
    query = query.where(sql<boolean>`tags @> array[${normaliseTags([filter.tag])[0] ?? ""}]::text[]`);
  }
  return query
    .orderBy(PRIORITY_RANK)
    .orderBy("created_at")
    .orderBy("id")
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function updateCase(
  db: Kysely<Database>,
  id: string,
  changes: CaseChanges,
): Promise<DbResult<Case>> {
  if (!isUuid(id)) return notFound("case", id);
  const set = {
    ...(changes.subject === undefined ? {} : { subject: changes.subject }),
    ...(changes.status === undefined ? {} : { status: changes.status }),
    ...(changes.priority === undefined ? {} : { priority: changes.priority }),
    ...(changes.teamId === undefined ? {} : { team_id: changes.teamId }),
    ...(changes.assigneeId === undefined ? {} : { assignee_id: changes.assigneeId }),
    ...(changes.tags === undefined ? {} : { tags: normaliseTags(changes.tags) }),
    ...(changes.firstResponseDueAt === undefined
      ? {}
      : { first_response_due_at: changes.firstResponseDueAt }),
    ...(changes.firstRespondedAt === undefined ? {} : { first_responded_at: changes.firstRespondedAt }),
    ...(changes.resolutionDueAt === undefined ? {} : { resolution_due_at: changes.resolutionDueAt }),
    ...(changes.resolvedAt === undefined ? {} : { resolved_at: changes.resolvedAt }),
    ...(changes.portalTokenHash === undefined ? {} : { portal_token_hash: changes.portalTokenHash }),
  };
  return guarded(`case ${id}`, async () =>
    found(
      await db
        .updateTable("cases")
        .set({ ...set, updated_at: sql<Date>`now()` })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst(),
      "case",
      id,
    ),
  );
}

/** Stops the SLA clock (waiting on the customer). Fails with `conflict` if it is already stopped. */
export async function pauseSla(db: Kysely<Database>, id: string, at: Date): Promise<DbResult<Case>> {
  if (!isUuid(id)) return notFound("case", id);
  const row = await db
    .updateTable("cases")
    .set({ sla_paused_at: at, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("sla_paused_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (row) return ok(row);
  const current = await getCase(db, id);
  return current.ok ? fail("conflict", `the SLA clock of case ${id} is already paused`) : current;
}

/**
 * Restarts the SLA clock, adding the paused time (whole seconds, never negative) to the running total.
 * Fails with `conflict` if the clock is not paused.
 */
export async function resumeSla(db: Kysely<Database>, id: string, at: Date): Promise<DbResult<Case>> {
  if (!isUuid(id)) return notFound("case", id);
  const row = await db
    .updateTable("cases")
    .set({
      sla_paused_seconds: sql<number>`sla_paused_seconds + greatest(0, floor(extract(epoch from (${at}::timestamptz - sla_paused_at))))::integer`,
      sla_paused_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("sla_paused_at", "is not", null)
    .returningAll()
    .executeTakeFirst();
  if (row) return ok(row);
  const current = await getCase(db, id);
  return current.ok ? fail("conflict", `the SLA clock of case ${id} is not paused`) : current;
}
