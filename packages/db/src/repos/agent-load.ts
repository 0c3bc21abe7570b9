/**
 * @module Agent load: the hostile messages each agent handled (points that decay with a half-life) and their
 * cooldowns — breaks during which routing sends them no new hostile cases.
 */
import { type Kysely, sql } from "kysely";
import type { AgentCooldown, AgentLoadEvent, Database, Message } from "../schema.js";
import { MESSAGE_COLUMNS } from "./messages.js";

export interface NewLoadEvent {
  agentId: string;
  caseId: string;
  messageId: string | null;
  points: number;
  reason: string;
  abusive: boolean;
  createdAt: Date;
}

/** Stores a load event; undefined when this agent was already charged for this message. */
export async function insertLoadEvent(
  db: Kysely<Database>,
  input: NewLoadEvent,
): Promise<AgentLoadEvent | undefined> {
  return db
    .insertInto("agent_load_events")
    .values({
      agent_id: input.agentId,
      case_id: input.caseId,
      message_id: input.messageId,
      points: input.points,
      reason: input.reason,
      abusive: input.abusive,
      created_at: input.createdAt,
    })
    .onConflict((oc) => oc.columns(["agent_id", "message_id"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Past this many half-lives an event weighs under 0.1 % of its points, so it is left out of the sum. */
const HALF_LIVES_COUNTED = 10;

/**
 * Each agent's load at `now`: Σ points · 0.5^(age / half-life) over events not in the future. Agents without
 * events are absent from the map.
 */
export async function currentLoads(
  db: Kysely<Database>,
  now: Date,
  halfLifeMs: number,
  agentIds?: readonly string[],
): Promise<Map<string, number>> {
  if (agentIds !== undefined && agentIds.length === 0) return new Map();
  const halfLifeSeconds = halfLifeMs / 1000;
  const since = new Date(now.getTime() - HALF_LIVES_COUNTED * halfLifeMs);
  let query = db
    .selectFrom("agent_load_events")
    .select([
      "agent_id",
      sql<number>`sum(points * power(0.5::float8, extract(epoch from (${now}::timestamptz - created_at))::float8 / ${halfLifeSeconds}::float8))`.as(
        "load",
      ),
    ])
    .where("created_at", "<=", now)
    .where("created_at", ">", since)
    .groupBy("agent_id");
  if (agentIds !== undefined) query = query.where("agent_id", "in", agentIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.agent_id, Number(r.load)]));
}

export interface AbuseExposure {
  abusive7d: number;
  abusive30d: number;
  hostileCasesToday: number;
}

/** Per agent: abusive messages handled in the last 7 and 30 days, and distinct hostile cases since `dayStart`. */
export async function abuseExposure(
  db: Kysely<Database>,
  now: Date,
  dayStart: Date,
  agentIds?: readonly string[],
): Promise<Map<string, AbuseExposure>> {
  if (agentIds !== undefined && agentIds.length === 0) return new Map();
  const day = 86_400_000;
  const since7 = new Date(now.getTime() - 7 * day);
  const since30 = new Date(now.getTime() - 30 * day);
  const earliest = dayStart < since30 ? dayStart : since30;
  let query = db
    .selectFrom("agent_load_events")
    .select([
      "agent_id",
      sql<string>`count(*) FILTER (WHERE abusive AND created_at > ${since7})`.as("abusive7d"),
      sql<string>`count(*) FILTER (WHERE abusive AND created_at > ${since30})`.as("abusive30d"),
      sql<string>`count(DISTINCT case_id) FILTER (WHERE created_at >= ${dayStart})`.as("hostile_today"),
    ])
    .where("created_at", "<=", now)
    .where("created_at", ">", earliest)
    .groupBy("agent_id");
  if (agentIds !== undefined) query = query.where("agent_id", "in", agentIds);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.agent_id,
      {
        abusive7d: Number(r.abusive7d),
        abusive30d: Number(r.abusive30d),
        hostileCasesToday: Number(r.hostile_today),
      },
    ]),
  );
}

/** An agent's recent load events, newest first. */
export async function listLoadEvents(
  db: Kysely<Database>,
  agentId: string,
  options: { since?: Date; until?: Date; limit?: number } = {},
): Promise<AgentLoadEvent[]> {
  let query = db
    .selectFrom("agent_load_events")
    .selectAll()
    .where("agent_id", "=", agentId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(options.limit ?? 50);
  if (options.since !== undefined) query = query.where("created_at", ">=", options.since);
  if (options.until !== undefined) query = query.where("created_at", "<=", options.until);
  return query.execute();
}

export async function insertCooldown(
  db: Kysely<Database>,
  input: { agentId: string; startsAt: Date; endsAt: Date; reason: string },
): Promise<AgentCooldown> {
  return db
    .insertInto("agent_cooldowns")
    .values({
      agent_id: input.agentId,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      reason: input.reason,
      created_at: input.startsAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Cooldowns running at `now` (started, not over, not ended early), latest end per agent. */
export async function activeCooldowns(
  db: Kysely<Database>,
  now: Date,
  agentIds?: readonly string[],
): Promise<Map<string, AgentCooldown>> {
  if (agentIds !== undefined && agentIds.length === 0) return new Map();
  let query = db
    .selectFrom("agent_cooldowns")
    .selectAll()
    .where("starts_at", "<=", now)
    .where("ends_at", ">", now)
    .where("ended_at", "is", null)
    .orderBy("ends_at", "asc");
  if (agentIds !== undefined) query = query.where("agent_id", "in", agentIds);
  const running = new Map<string, AgentCooldown>();
  for (const row of await query.execute()) running.set(row.agent_id, row);
  return running;
}

/** Ends the agent's running cooldowns at `now`; returns how many were running. */
export async function endCooldowns(db: Kysely<Database>, agentId: string, now: Date): Promise<number> {
  const ended = await db
    .updateTable("agent_cooldowns")
    .set({ ended_at: now })
    .where("agent_id", "=", agentId)
    .where("starts_at", "<=", now)
    .where("ends_at", ">", now)
    .where("ended_at", "is", null)
    .returning("id")
    .execute();
  return ended.length;
}

/** Open cases (not resolved or closed) assigned to each agent. */
export async function openCaseCounts(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("cases")
    .select(["assignee_id", sql<string>`count(*)`.as("open")])
    .where("assignee_id", "in", agentIds)
    .where("status", "not in", ["resolved", "closed"])
    .groupBy("assignee_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.assignee_id === null ? [] : [[r.assignee_id, Number(r.open)]])));
}

/** Whether the case has a customer message other than this one (routing acts on the first only). */
export async function hasOtherInbound(
  db: Kysely<Database>,
  caseId: string,
  messageId: string,
): Promise<boolean> {
  const other = await db
    .selectFrom("messages")
    .select("id")
    .where("case_id", "=", caseId)
    .where("direction", "=", "inbound")
    .where("id", "!=", messageId)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}

/** The customer message a reply written at `at` answers: the case's latest inbound message up to then. */
export async function latestInboundUpTo(
  db: Kysely<Database>,
  caseId: string,
  at: Date,
): Promise<Message | undefined> {
  return db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("case_id", "=", caseId)
    .where("direction", "=", "inbound")
    .where("created_at", "<=", at)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}
