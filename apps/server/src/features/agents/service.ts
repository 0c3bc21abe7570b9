/** @module Agents: creation with hashed passwords, edits (deactivation signs out), and the API view of an agent. */
import type { Agent as AgentDto } from "@keel/contracts";
import {
  type Agent,
  type AgentRole,
  deleteAgentSessions,
  getAgent as findAgent,
  createAgent as insertAgent,
  listAgents as queryAgents,
  revokeAgentApiTokens,
  updateAgent as writeAgent,
} from "@keel/db";
import type { AppDeps } from "../../deps.js";
import { failure, fromDb, type Result } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { hashPassword } from "../auth/passwords.js";
import { forgetApiTokenLookups } from "../auth/service.js";

type Deps = Pick<AppDeps, "db">;

export function toAgentDto(agent: Agent): AgentDto {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    teamId: agent.team_id,
    skills: agent.skills,
    capacity: agent.capacity,
    active: agent.active,
    createdAt: agent.created_at.toISOString(),
  };
}

/** An agent as audit snapshots show it: never the password hash. */
const snapshot = (agent: Agent) => toAgentDto(agent);

export interface NewAgentInput {
  email: string;
  name: string;
  role: AgentRole;
  password: string;
  teamId?: string | null | undefined;
  skills?: string[] | undefined;
  capacity?: number | undefined;
}

export async function createAgent(deps: Deps, input: NewAgentInput, actor: Actor): Promise<Result<Agent>> {
  const inserted = await insertAgent(deps.db, {
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    teamId: input.teamId ?? null,
    skills: input.skills ?? [],
    ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
  });
  // A missing team is the only thing the insert can fail to find; anything else is about the email.
  const created = fromDb(inserted, !inserted.ok && inserted.error.code === "not_found" ? "teamId" : "email");
  if (created.ok) {
    await audit(deps.db, actor, {
      entity: "agent",
      entityId: created.value.id,
      action: "create",
      after: snapshot(created.value),
    });
  }
  return created;
}

export const getAgent = async (deps: Deps, id: string): Promise<Result<Agent>> =>
  fromDb(await findAgent(deps.db, id));

export const listAgents = (deps: Deps, filter: { teamId?: string; role?: AgentRole } = {}) =>
  queryAgents(deps.db, filter);

export interface AgentEdit {
  name?: string | undefined;
  role?: AgentRole | undefined;
  password?: string | undefined;
  teamId?: string | null | undefined;
  skills?: string[] | undefined;
  capacity?: number | undefined;
  active?: boolean | undefined;
}

/** A password change or deactivation ends the agent's sessions; deactivation also revokes its API tokens. */
export async function updateAgent(
  deps: Pick<AppDeps, "db" | "clock">,
  id: string,
  edit: AgentEdit,
  actor: Actor,
): Promise<Result<Agent>> {
  const before = fromDb(await findAgent(deps.db, id));
  if (!before.ok) return before;
  const losesAdmin =
    before.value.role === "admin" &&
    before.value.active &&
    ((edit.role !== undefined && edit.role !== "admin") || edit.active === false);
  if (losesAdmin && (await countActiveAdmins(deps.db)) <= 1) {
    return failure(
      "conflict",
      "This is the only active admin: make another agent an admin first, so someone can still manage the desk.",
      edit.active === false ? "active" : "role",
    );
  }
  const updated = fromDb(
    await writeAgent(deps.db, id, {
      ...(edit.name === undefined ? {} : { name: edit.name }),
      ...(edit.role === undefined ? {} : { role: edit.role }),
      ...(edit.password === undefined ? {} : { passwordHash: await hashPassword(edit.password) }),
      ...(edit.teamId === undefined ? {} : { teamId: edit.teamId }),
      ...(edit.skills === undefined ? {} : { skills: edit.skills }),
      ...(edit.capacity === undefined ? {} : { capacity: edit.capacity }),
      ...(edit.active === undefined ? {} : { active: edit.active }),
    }),
    "teamId",
  );
  if (!updated.ok) return updated;
  forgetApiTokenLookups();
  if (edit.password !== undefined || edit.active === false) await deleteAgentSessions(deps.db, id);
  await audit(deps.db, actor, {
    entity: "agent",
    entityId: id,
    action: edit.password === undefined ? "update" : "update_password",
    before: snapshot(before.value),
    after: snapshot(updated.value),
  });
  if (edit.active === false) {
    // Revoked, not only refused while inactive: an integration's token must not come back with its agent.
    const revoked = await revokeAgentApiTokens(deps.db, id, deps.clock.now());
    if (revoked.length > 0)
      await audit(deps.db, actor, {
        entity: "agent",
        entityId: id,
        action: "revoke_api_tokens",
        after: { revoked },
      });
  }
  return updated;
}

async function countActiveAdmins(db: Deps["db"]): Promise<number> {
  const row = await db
    .selectFrom("agents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
