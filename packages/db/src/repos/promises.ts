/** @module Promises: commitments made in replies (what, who owes it, when), from open to fulfilled or cancelled. */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, guarded, isUuid, notFound, ok } from "../result.js";
import type { Database, PromiseKind, PromiseRow, PromiseStatus } from "../schema.js";

export interface NewPromise {
  caseId: string;
  messageId: string;
  ownerAgentId: string | null;
  owedBy: "agent" | "team" | "company";
  kind: PromiseKind;
  text: string;
  span: { start: number; end: number; text: string };
  confidence: number;
  dueAt: Date | null;
  dueText: string | null;
  timezone: string;
  /** When the promise was made (the reply's send time). */
  createdAt: Date;
  /** Set for promises recorded as already dealt with (imported history): no reminder or overdue alert fires. */
  alertedAt?: Date | null;
}

export interface PromiseFilter {
  status?: PromiseStatus;
  ownerAgentId?: string;
  /** Only open promises whose due time is before this instant. */
  overdueAt?: Date;
  limit?: number;
  offset?: number;
}

/** Who kept a promise: an agent marking it done, or a later reply reporting it done. */
export type Fulfilment =
  | { kind: "agent"; agentId: string | null }
  | { kind: "reply"; messageId: string; agentId: string | null };

/** Stores a reply's promises; a promise already stored for the same reply and span is left as it is. */
export async function insertPromises(
  db: Kysely<Database>,
  rows: readonly NewPromise[],
): Promise<PromiseRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto("promises")
    .values(
      rows.map((p) => ({
        case_id: p.caseId,
        message_id: p.messageId,
        owner_agent_id: p.ownerAgentId,
        owed_by: p.owedBy,
        kind: p.kind,
        text: p.text.slice(0, 500),
        span_text: p.span.text,
        span_start: p.span.start,
        span_end: p.span.end,
        confidence: p.confidence,
        due_at: p.dueAt,
        due_text: p.dueText,
        timezone: p.timezone,
        created_at: p.createdAt,
        reminded_at: p.alertedAt ?? null,
        overdue_alerted_at: p.alertedAt ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(["message_id", "span_start"]).doNothing())
    .returningAll()
    .execute();
}

export async function getPromise(db: Kysely<Database>, id: string): Promise<DbResult<PromiseRow>> {
  if (!isUuid(id)) return notFound("promise", id);
  const row = await db.selectFrom("promises").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? ok(row) : notFound("promise", id);
}

/** Every promise made on a case, in the order it was made. */
export async function listPromisesForCase(db: Kysely<Database>, caseId: string): Promise<PromiseRow[]> {
  if (!isUuid(caseId)) return [];
  return db
    .selectFrom("promises")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("span_start")
    .orderBy("id")
    .execute();
}

/** A list across cases: soonest due first (undated last), then oldest. */
export async function listPromises(db: Kysely<Database>, filter: PromiseFilter = {}): Promise<PromiseRow[]> {
  let query = db.selectFrom("promises").selectAll();
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  if (filter.ownerAgentId !== undefined) query = query.where("owner_agent_id", "=", filter.ownerAgentId);
  if (filter.overdueAt !== undefined)
    query = query.where("status", "=", "open").where("due_at", "<", filter.overdueAt);
  return query
    .orderBy(sql`due_at asc nulls last`)
    .orderBy("created_at")
    .orderBy("id")
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

/** The promise if it exists but is no longer open (a conflict), else not found. */
async function notOpen(db: Kysely<Database>, id: string): Promise<DbResult<never>> {
  const current = await getPromise(db, id);
  return current.ok ? fail("conflict", `promise ${id} is already ${current.value.status}`) : current;
}

/** Marks an open promise kept. Fails with `conflict` when it is already fulfilled or cancelled. */
export async function fulfilPromise(
  db: Kysely<Database>,
  id: string,
  at: Date,
  by: Fulfilment,
): Promise<DbResult<PromiseRow>> {
  if (!isUuid(id)) return notFound("promise", id);
  const row = await db
    .updateTable("promises")
    .set({
      status: "fulfilled",
      fulfilled_at: at,
      fulfilled_by_kind: by.kind,
      fulfilled_by_agent_id: by.agentId,
      fulfilled_by_message_id: by.kind === "reply" ? by.messageId : null,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returningAll()
    .executeTakeFirst();
  return row ? ok(row) : notOpen(db, id);
}

/** Withdraws an open promise with the reason. Fails with `conflict` when it is no longer open. */
export async function cancelPromise(
  db: Kysely<Database>,
  id: string,
  at: Date,
  reason: string,
): Promise<DbResult<PromiseRow>> {
  if (!isUuid(id)) return notFound("promise", id);
  const row = await db
    .updateTable("promises")
    .set({ status: "cancelled", cancelled_at: at, cancel_reason: reason, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("status", "=", "open")
    .returningAll()
    .executeTakeFirst();
  return row ? ok(row) : notOpen(db, id);
}

/** A new due time for an open promise; its reminder and overdue alert fire again for the new time. */
export async function setPromiseDue(
  db: Kysely<Database>,
  id: string,
  due: { dueAt: Date | null; dueText: string | null },
): Promise<DbResult<PromiseRow>> {
  if (!isUuid(id)) return notFound("promise", id);
  return guarded(`promise ${id}`, async () => {
    const row = await db
      .updateTable("promises")
      .set({
        due_at: due.dueAt,
        due_text: due.dueText,
        reminded_at: null,
        overdue_alerted_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .where("status", "=", "open")
      .returningAll()
      .executeTakeFirst();
    return row ? ok(row) : notOpen(db, id);
  });
}

/** Cases whose promises are still chased: a closed case is done with, its open promises are not reminded. */
const chasedCases = (db: Kysely<Database>) =>
  db.selectFrom("cases").select("id").where("status", "<>", "closed");

/**
 * Claims open promises falling due within `leadMs` of `now` that were not reminded yet, marking them reminded in
 * the same statement: two checks running at once never remind twice.
 */
export async function claimPromisesDueSoon(
  db: Kysely<Database>,
  now: Date,
  leadMs: number,
  limit = 500,
): Promise<PromiseRow[]> {
  const horizon = new Date(now.getTime() + leadMs);
  const ids = db
    .selectFrom("promises")
    .select("id")
    .where("status", "=", "open")
    .where("reminded_at", "is", null)
    .where("overdue_alerted_at", "is", null)
    .where("due_at", ">", now)
    .where("due_at", "<=", horizon)
    .where("case_id", "in", chasedCases(db))
    .orderBy("due_at")
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db.updateTable("promises").set({ reminded_at: now }).where("id", "in", ids).returningAll().execute();
}

/** Claims open promises past their due time that were not alerted yet, marking them alerted (once per due time). */
export async function claimOverduePromises(
  db: Kysely<Database>,
  now: Date,
  limit = 500,
): Promise<PromiseRow[]> {
  const ids = db
    .selectFrom("promises")
    .select("id")
    .where("status", "=", "open")
    .where("overdue_alerted_at", "is", null)
    .where("due_at", "<=", now)
    .where("case_id", "in", chasedCases(db))
    .orderBy("due_at")
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable("promises")
    .set({ overdue_alerted_at: now })
    .where("id", "in", ids)
    .returningAll()
    .execute();
}
