/**
 * @module Acknowledgments of new cases and follow-ups after resolution: scheduling, sending, answering, and the
 * outcome figures (CSAT, fix held, reopened) grouped by agent, team or topic.
 */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, guarded, isUuid, notFound, ok } from "../result.js";
import type { Acknowledgment, Database, Followup, FollowupOutcome } from "../schema.js";

/**
 * Records the acknowledgment a case got (a message) or why it got none; false when one was already recorded,
 * so a retried job never acknowledges twice.
 */
export async function recordAcknowledgment(
  db: Kysely<Database>,
  input: { caseId: string; messageId: string | null; skippedReason?: string | null; at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto("acknowledgments")
    .values({
      case_id: input.caseId,
      message_id: input.messageId,
      skipped_reason: input.skippedReason ?? null,
      created_at: input.at,
    })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .returning("case_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function getAcknowledgment(
  db: Kysely<Database>,
  caseId: string,
): Promise<Acknowledgment | undefined> {
  if (!isUuid(caseId)) return undefined;
  return db.selectFrom("acknowledgments").selectAll().where("case_id", "=", caseId).executeTakeFirst();
}

export interface NewFollowup {
  caseId: string;
  dueAt: Date;
  agentId: string | null;
  teamId: string | null;
  createdAt: Date;
}

/**
 * Schedules a follow-up; undefined when the case already has one waiting (one live follow-up per case). Runs inside
 * the case change's transaction, so the conflict is skipped rather than raised (an error would abort it).
 */
export async function scheduleFollowup(
  db: Kysely<Database>,
  input: NewFollowup,
): Promise<Followup | undefined> {
  return db
    .insertInto("followups")
    .values({
      case_id: input.caseId,
      due_at: input.dueAt,
      agent_id: input.agentId,
      team_id: input.teamId,
      created_at: input.createdAt,
    })
    .onConflict((oc) =>
      oc.column("case_id").where("answered_at", "is", null).where("cancelled_at", "is", null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function getFollowup(db: Kysely<Database>, id: string): Promise<DbResult<Followup>> {
  if (!isUuid(id)) return notFound("follow-up", id);
  const row = await db.selectFrom("followups").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? ok(row) : notFound("follow-up", id);
}

/** A case's follow-ups, newest first. */
export async function listFollowupsForCase(db: Kysely<Database>, caseId: string): Promise<Followup[]> {
  if (!isUuid(caseId)) return [];
  return db
    .selectFrom("followups")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** Cancels the case's unanswered follow-up (the case was reopened before the customer answered). */
export async function cancelLiveFollowups(
  db: Kysely<Database>,
  caseId: string,
  reason: string,
  at: Date,
): Promise<Followup[]> {
  return db
    .updateTable("followups")
    .set({ cancelled_at: at, cancel_reason: reason })
    .where("case_id", "=", caseId)
    .where("answered_at", "is", null)
    .where("cancelled_at", "is", null)
    .returningAll()
    .execute();
}

/** Follow-ups due at `now` and not yet sent, oldest first. */
export async function listDueFollowups(db: Kysely<Database>, now: Date, limit = 100): Promise<Followup[]> {
  return db
    .selectFrom("followups")
    .selectAll()
    .where("sent_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("due_at", "<=", now)
    .orderBy("due_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Marks a follow-up sent, once: undefined when it was already sent or cancelled meanwhile. */
export async function markFollowupSent(
  db: Kysely<Database>,
  id: string,
  sent: { at: Date; messageId: string; tokenHash: string; linkExpiresAt: Date },
): Promise<Followup | undefined> {
  return db
    .updateTable("followups")
    .set({
      sent_at: sent.at,
      message_id: sent.messageId,
      token_hash: sent.tokenHash,
      link_expires_at: sent.linkExpiresAt,
    })
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where("cancelled_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

export async function findFollowupByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<Followup | undefined> {
  return db.selectFrom("followups").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export interface FollowupAnswer {
  fixHeld: boolean;
  csat: number;
  comment: string | null;
  commentAnger: number | null;
  outcome: FollowupOutcome;
  at: Date;
}

/**
 * Stores the customer's answer. The row is updated only while unanswered and not cancelled, so of two answers
 * racing exactly one wins; the loser gets `conflict`.
 */
export async function answerFollowup(
  db: Kysely<Database>,
  id: string,
  answer: FollowupAnswer,
): Promise<DbResult<Followup>> {
  return guarded("follow-up answer", async () => {
    const row = await db
      .updateTable("followups")
      .set({
        answered_at: answer.at,
        fix_held: answer.fixHeld,
        csat: answer.csat,
        comment: answer.comment,
        comment_anger: answer.commentAnger,
        outcome: answer.outcome,
      })
      .where("id", "=", id)
      .where("sent_at", "is not", null)
      .where("answered_at", "is", null)
      .where("cancelled_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    return row ? ok(row) : fail("conflict", "this follow-up was already answered or is closed");
  });
}

export type OutcomeGrouping = "agent" | "team" | "topic";

export interface OutcomeRow {
  /** Agent id, team id or tag; null for follow-ups without one (no agent replied, no team, no tags). */
  key: string | null;
  /** Follow-ups scheduled in the window: one per resolution. */
  resolutions: number;
  answered: number;
  csatAverage: number | null;
  csatCount: number;
  /** Share of answers saying the fix held. */
  fixHeldRate: number | null;
  /** Share of resolutions reopened: by a bad answer, or by the customer writing again before the follow-up. */
  reopenRate: number | null;
}

/**
 * Outcome figures for resolutions whose follow-up was scheduled in [from, to), grouped by the agent credited,
 * their team, or each of the case's tags (a case with two tags counts under both).
 */
export async function outcomeFigures(
  db: Kysely<Database>,
  groupBy: OutcomeGrouping,
  window: { from: Date; to: Date },
): Promise<OutcomeRow[]> {
  const key =
    groupBy === "agent"
      ? sql<string | null>`f.agent_id::text`
      : groupBy === "team"
        ? sql<string | null>`f.team_id::text`
        : sql<string | null>`t.tag`;
  const topicJoin =
    groupBy === "topic"
      ? sql`JOIN cases c ON c.id = f.case_id
            LEFT JOIN LATERAL unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL]::text[] ELSE c.tags END)
              AS t(tag) ON true`
      : sql``;
  const rows = await sql<{
    key: string | null;
    resolutions: string;
    answered: string;
    csat_average: string | null;
    csat_count: string;
    fix_held: string;
    reopened: string;
  }>`
    SELECT ${key} AS key,
           count(*) AS resolutions,
           count(f.answered_at) AS answered,
           avg(f.csat) AS csat_average,
           count(f.csat) AS csat_count,
           count(*) FILTER (WHERE f.fix_held) AS fix_held,
           count(*) FILTER (WHERE f.outcome = 'reopened' OR f.cancel_reason = 'reopened') AS reopened
    FROM followups f ${topicJoin}
    WHERE f.created_at >= ${window.from} AND f.created_at < ${window.to}
    GROUP BY 1
    ORDER BY count(*) DESC, 1 NULLS LAST
  `.execute(db);
  return rows.rows.map((row) => {
    const resolutions = Number(row.resolutions);
    const answered = Number(row.answered);
    return {
      key: row.key,
      resolutions,
      answered,
      csatAverage: row.csat_average === null ? null : Math.round(Number(row.csat_average) * 100) / 100,
      csatCount: Number(row.csat_count),
      fixHeldRate: answered === 0 ? null : Number(row.fix_held) / answered,
      reopenRate: resolutions === 0 ? null : Number(row.reopened) / resolutions,
    };
  });
}
