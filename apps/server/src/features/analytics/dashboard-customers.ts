/**
 * @module The customer side of the dashboard: anger per day from the coach's reading of each customer message,
 * and de-escalation — whether upset customers were calmer after our replies (definition in the README).
 */
import type { Database } from "@keel/db";
import { type Kysely, sql } from "kysely";
import type { DayRange } from "./dashboard-range.js";

/** Anger must drop by at least this many points (0–100) to count as fallen, or rise as much to count as risen. */
export const DEESCALATION_MIN_DROP = 10;
/** The customer counts as upset from this anger level on (1 annoyed, 2 angry, 3 furious). */
export const UPSET_LEVEL = 1;

export interface AngerDay {
  day: string;
  messages: number;
  sum: number;
  max: number;
  abusive: number;
}

const DAY = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** Per day: customer messages the coach read, their anger sum and peak, and how many were abusive. */
export async function angerByDay(db: Kysely<Database>, range: DayRange): Promise<AngerDay[]> {
  const anger = sql<number>`(analysis->'result'->>'anger')::float8`;
  const rows = await db
    .selectFrom("messages")
    .select([
      DAY("created_at").as("day"),
      sql<string>`count(*)`.as("messages"),
      sql<number>`sum(${anger})`.as("sum"),
      sql<number>`max(${anger})`.as("max"),
      sql<string>`count(*) FILTER (WHERE analysis->'result'->>'abusive' = 'true')`.as("abusive"),
    ])
    .where("direction", "=", "inbound")
    .where(sql<boolean>`analysis->>'kind' = 'customer'`)
    .where(sql<boolean>`jsonb_typeof(analysis->'result'->'anger') = 'number'`)
    .where("created_at", ">=", range.start)
    .where("created_at", "<", range.end)
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({
    day: r.day,
    messages: Number(r.messages),
    sum: Number(r.sum),
    max: Number(r.max),
    abusive: Number(r.abusive),
  }));
}

export interface DeescalationReading {
  caseId: string;
  /** The day of the later reading. */
  day: string;
  before: number;
  after: number;
}

/**
 * One reading per case whose customer was upset when we first replied and wrote again afterwards, the later
 * message falling in the range. `before`: the anger of the last customer message before our first reply (what
 * that reply answered). `after`: the anger of the customer's latest message after it, up to the range's end.
 * Automatic acknowledgments are not replies.
 */
export async function deescalationReadings(
  db: Kysely<Database>,
  range: DayRange,
): Promise<DeescalationReading[]> {
  const { rows } = await sql<{ case_id: string; day: string; before: number; after: number }>`
    WITH touched AS (
      SELECT DISTINCT case_id FROM messages
      WHERE direction = 'inbound' AND created_at >= ${range.start} AND created_at < ${range.end}
    ),
    readings AS (
      SELECT m.case_id, m.created_at,
             (m.analysis->'result'->>'anger')::float8 AS anger,
             (m.analysis->'result'->>'anger_level')::int AS level
      FROM messages m JOIN touched t ON t.case_id = m.case_id
      WHERE m.direction = 'inbound' AND m.analysis->>'kind' = 'customer'
        AND jsonb_typeof(m.analysis->'result'->'anger') = 'number'
        AND m.created_at < ${range.end}
    ),
    first_reply AS (
      SELECT m.case_id, min(m.created_at) AS at
      FROM messages m JOIN touched t ON t.case_id = m.case_id
      WHERE m.direction = 'outbound'
        AND NOT EXISTS (SELECT 1 FROM acknowledgments a WHERE a.message_id = m.id)
      GROUP BY m.case_id
    ),
    before AS (
      SELECT DISTINCT ON (r.case_id) r.case_id, r.anger, r.level
      FROM readings r JOIN first_reply f ON f.case_id = r.case_id
      WHERE r.created_at < f.at
      ORDER BY r.case_id, r.created_at DESC
    ),
    after AS (
      SELECT DISTINCT ON (r.case_id) r.case_id, r.anger, r.created_at
      FROM readings r JOIN first_reply f ON f.case_id = r.case_id
      WHERE r.created_at > f.at
      ORDER BY r.case_id, r.created_at DESC
    )
    SELECT b.case_id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
           b.anger AS before, a.anger AS after
    FROM before b JOIN after a ON a.case_id = b.case_id
    WHERE b.level >= ${UPSET_LEVEL} AND a.created_at >= ${range.start}
    ORDER BY day, b.case_id
  `.execute(db);
  return rows.map((r) => ({
    caseId: r.case_id,
    day: r.day,
    before: Number(r.before),
    after: Number(r.after),
  }));
}

export type AngerChange = "fell" | "steady" | "rose";

export function angerChange(reading: Pick<DeescalationReading, "before" | "after">): AngerChange {
  const delta = reading.after - reading.before;
  if (delta <= -DEESCALATION_MIN_DROP) return "fell";
  if (delta >= DEESCALATION_MIN_DROP) return "rose";
  return "steady";
}
