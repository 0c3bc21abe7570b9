/**
 * @module The desk side of the dashboard: SLA targets missed per day, promises owed, follow-up answers (CSAT,
 * fix held) per day, and each agent's load and abuse exposure over the range.
 */
import { type Database, openCaseCounts } from "@keel/db";
import { type Kysely, sql } from "kysely";
import type { DayRange } from "./dashboard-range.js";

const dayOf = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

export interface BreachDay {
  day: string;
  firstResponse: number;
  resolution: number;
}

/**
 * Targets missed, counted on the day they fell due. A target is missed when the clock ran past it: the first
 * response (or the resolution) came later, or has not come and the clock is still running at `now`. A clock
 * paused while waiting on the customer stopped at the pause.
 */
export async function slaBreachesByDay(
  db: Kysely<Database>,
  range: DayRange,
  now: Date,
): Promise<BreachDay[]> {
  const firstResponse = await db
    .selectFrom("cases")
    .select([dayOf("first_response_due_at").as("day"), sql<string>`count(*)`.as("n")])
    .where("first_response_due_at", ">=", range.start)
    .where("first_response_due_at", "<", range.end)
    .where(
      sql<boolean>`coalesce(first_responded_at, resolved_at, sla_paused_at, ${now}) > first_response_due_at`,
    )
    .groupBy(sql`1`)
    .execute();
  const resolution = await db
    .selectFrom("cases")
    .select([dayOf("resolution_due_at").as("day"), sql<string>`count(*)`.as("n")])
    .where("resolution_due_at", ">=", range.start)
    .where("resolution_due_at", "<", range.end)
    .where(sql<boolean>`coalesce(resolved_at, sla_paused_at, ${now}) > resolution_due_at`)
    .groupBy(sql`1`)
    .execute();
  const byDay = new Map<string, BreachDay>();
  const entry = (day: string) => {
    const found = byDay.get(day) ?? { day, firstResponse: 0, resolution: 0 };
    byDay.set(day, found);
    return found;
  };
  for (const r of firstResponse) entry(r.day).firstResponse = Number(r.n);
  for (const r of resolution) entry(r.day).resolution = Number(r.n);
  return [...byDay.values()];
}

export interface PromiseFigures {
  open: number;
  overdue: number;
  madeInRange: number;
  keptInRange: number;
  /** Open overdue promises per owning agent. */
  overdueByAgent: Map<string, number>;
}

export async function promiseFigures(
  db: Kysely<Database>,
  range: DayRange,
  now: Date,
): Promise<PromiseFigures> {
  const totals = await db
    .selectFrom("promises")
    .select([
      sql<string>`count(*) FILTER (WHERE status = 'open')`.as("open"),
      sql<string>`count(*) FILTER (WHERE status = 'open' AND due_at < ${now})`.as("overdue"),
      sql<string>`count(*) FILTER (WHERE created_at >= ${range.start} AND created_at < ${range.end})`.as(
        "made",
      ),
      sql<string>`count(*) FILTER (WHERE fulfilled_at >= ${range.start} AND fulfilled_at < ${range.end})`.as(
        "kept",
      ),
    ])
    .executeTakeFirstOrThrow();
  const perAgent = await db
    .selectFrom("promises")
    .select(["owner_agent_id", sql<string>`count(*)`.as("n")])
    .where("status", "=", "open")
    .where("due_at", "<", now)
    .where("owner_agent_id", "is not", null)
    .groupBy("owner_agent_id")
    .execute();
  return {
    open: Number(totals.open),
    overdue: Number(totals.overdue),
    madeInRange: Number(totals.made),
    keptInRange: Number(totals.kept),
    overdueByAgent: new Map(perAgent.map((r) => [r.owner_agent_id ?? "", Number(r.n)])),
  };
}

export interface FollowupDay {
  day: string;
  answered: number;
  csatSum: number;
  fixHeld: number;
  reopened: number;
}

/** Follow-up answers per day they were given. */
export async function followupsByDay(db: Kysely<Database>, range: DayRange): Promise<FollowupDay[]> {
  const rows = await db
    .selectFrom("followups")
    .select([
      dayOf("answered_at").as("day"),
      sql<string>`count(*)`.as("answered"),
      sql<string>`coalesce(sum(csat), 0)`.as("csat_sum"),
      sql<string>`count(*) FILTER (WHERE fix_held)`.as("fix_held"),
      sql<string>`count(*) FILTER (WHERE outcome = 'reopened')`.as("reopened"),
    ])
    .where("answered_at", ">=", range.start)
    .where("answered_at", "<", range.end)
    .groupBy(sql`1`)
    .execute();
  return rows.map((r) => ({
    day: r.day,
    answered: Number(r.answered),
    csatSum: Number(r.csat_sum),
    fixHeld: Number(r.fix_held),
    reopened: Number(r.reopened),
  }));
}

export interface AgentExposure {
  agentId: string;
  name: string;
  role: string;
  capacity: number;
  openCases: number;
  repliesSent: number;
  hostilityPoints: number;
  hostileMessages: number;
  abusiveMessages: number;
}

/**
 * Every active agent with their open cases now, the replies they sent in the range, and the hostility they took
 * in it (wellbeing load events: points undecayed, so two ranges add up), most exposed first.
 */
export async function agentExposure(db: Kysely<Database>, range: DayRange): Promise<AgentExposure[]> {
  const agents = await db
    .selectFrom("agents")
    .select(["id", "name", "role", "capacity"])
    .where("active", "=", true)
    .orderBy("name")
    .execute();
  const ids = agents.map((a) => a.id);
  if (ids.length === 0) return [];
  const open = await openCaseCounts(db, ids);
  const replies = await db
    .selectFrom("messages")
    .select(["author_agent_id", sql<string>`count(*)`.as("n")])
    .where("direction", "=", "outbound")
    .where("author_agent_id", "in", ids)
    .where("created_at", ">=", range.start)
    .where("created_at", "<", range.end)
    .groupBy("author_agent_id")
    .execute();
  const hostility = await db
    .selectFrom("agent_load_events")
    .select([
      "agent_id",
      sql<number>`sum(points)`.as("points"),
      sql<string>`count(*)`.as("hostile"),
      sql<string>`count(*) FILTER (WHERE abusive)`.as("abusive"),
    ])
    .where("agent_id", "in", ids)
    .where("created_at", ">=", range.start)
    .where("created_at", "<", range.end)
    .groupBy("agent_id")
    .execute();
  const repliesBy = new Map(replies.map((r) => [r.author_agent_id, Number(r.n)]));
  const hostilityBy = new Map(hostility.map((r) => [r.agent_id, r]));
  return agents
    .map((agent) => {
      const taken = hostilityBy.get(agent.id);
      return {
        agentId: agent.id,
        name: agent.name,
        role: agent.role,
        capacity: agent.capacity,
        openCases: open.get(agent.id) ?? 0,
        repliesSent: repliesBy.get(agent.id) ?? 0,
        hostilityPoints: Math.round(Number(taken?.points ?? 0) * 10) / 10,
        hostileMessages: Number(taken?.hostile ?? 0),
        abusiveMessages: Number(taken?.abusive ?? 0),
      };
    })
    .sort((a, b) => b.hostilityPoints - a.hostilityPoints || a.name.localeCompare(b.name));
}
