/** @module Agents: the people (and supervisors, admins) who work the desk. */
import { type Kysely, sql } from "kysely";
import { type DbResult, found, guarded, isUuid, notFound } from "../result.js";
import type { Agent, AgentRole, Database } from "../schema.js";

export interface NewAgent {
  email: string;
  name: string;
  role: AgentRole;
  passwordHash?: string | null;
  skills?: string[];
  /** How many open cases the agent can hold at once. */
  capacity?: number;
  teamId?: string | null;
}

export interface AgentChanges {
  email?: string;
  name?: string;
  role?: AgentRole;
  passwordHash?: string | null;
  skills?: string[];
  capacity?: number;
  teamId?: string | null;
  active?: boolean;
  maskProfanity?: boolean;
}

/** Emails are compared case-insensitively, so they are stored lower-cased. */
const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function createAgent(db: Kysely<Database>, input: NewAgent): Promise<DbResult<Agent>> {
  const email = normaliseEmail(input.email);
  return guarded(`agent ${email}`, async () => ({
    ok: true,
    value: await db
      .insertInto("agents")
      .values({
        email,
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash ?? null,
        skills: input.skills ?? [],
        ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
        team_id: input.teamId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  }));
}

export async function getAgent(db: Kysely<Database>, id: string): Promise<DbResult<Agent>> {
  if (!isUuid(id)) return notFound("agent", id);
  return found(
    await db.selectFrom("agents").selectAll().where("id", "=", id).executeTakeFirst(),
    "agent",
    id,
  );
}

/** For sign-in: undefined when no agent has this email. */
export async function findAgentByEmail(db: Kysely<Database>, email: string): Promise<Agent | undefined> {
  return db.selectFrom("agents").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function listAgents(
  db: Kysely<Database>,
  filter: { teamId?: string; activeOnly?: boolean; role?: AgentRole } = {},
): Promise<Agent[]> {
  let query = db.selectFrom("agents").selectAll().orderBy("name").orderBy("id");
  if (filter.teamId !== undefined) query = query.where("team_id", "=", filter.teamId);
  if (filter.activeOnly) query = query.where("active", "=", true);
  if (filter.role !== undefined) query = query.where("role", "=", filter.role);
  return query.execute();
}

export async function updateAgent(
  db: Kysely<Database>,
  id: string,
  changes: AgentChanges,
): Promise<DbResult<Agent>> {
  if (!isUuid(id)) return notFound("agent", id);
  const set = {
    ...(changes.email === undefined ? {} : { email: normaliseEmail(changes.email) }),
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.role === undefined ? {} : { role: changes.role }),
    ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
    ...(changes.skills === undefined ? {} : { skills: changes.skills }),
    ...(changes.capacity === undefined ? {} : { capacity: changes.capacity }),
    ...(changes.teamId === undefined ? {} : { team_id: changes.teamId }),
    ...(changes.active === undefined ? {} : { active: changes.active }),
    ...(changes.maskProfanity === undefined ? {} : { mask_profanity: changes.maskProfanity }),
  };
  return guarded(`agent ${id}`, async () =>
    found(
      await db
        .updateTable("agents")
        .set({ ...set, updated_at: sql<Date>`now()` })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst(),
      "agent",
      id,
    ),
  );
}
