/**
 * @module Reflections: private to their agent. The agent lists, annotates and shares their own cards; supervisors
 * and admins see only cards that were shared. A card someone may not see is reported as not found.
 */
import type { Reflection as ReflectionDto, ReflectionItem } from "@keel/contracts";
import {
  type Agent,
  type Database,
  getReflection,
  listReflectionsOf,
  listSharedReflections,
  type Reflection,
  updateReflection,
} from "@keel/db";
import type { Kysely } from "kysely";
import { failure, fromDb, type Result } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";

export { buildReflection } from "./build-reflection.js";
export { reflectionOnCaseChange } from "./reaction.js";

type Deps = { db: Kysely<Database>; clock: { now(): Date } };

const items = (value: unknown): ReflectionItem[] => (Array.isArray(value) ? (value as ReflectionItem[]) : []);

export function toReflectionDto(r: Reflection): ReflectionDto {
  return {
    id: r.id,
    agentId: r.agent_id,
    caseId: r.case_id,
    wentWell: items(r.went_well),
    tryNext: items(r.try_next),
    messageIds: r.message_ids,
    shared: r.shared,
    sharedAt: r.shared_at?.toISOString() ?? null,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const isLead = (agent: Agent) => agent.role === "supervisor" || agent.role === "admin";

/** The card if `viewer` may read it: their own, or a shared one for supervisors and admins. */
export async function readReflection(deps: Deps, viewer: Agent, id: string): Promise<Result<Reflection>> {
  const found = fromDb(await getReflection(deps.db, id));
  if (!found.ok) return found;
  const card = found.value;
  if (card.agent_id === viewer.id || (card.shared && isLead(viewer))) return found;
  return failure("not_found", `reflection ${id} not found`);
}

/** Only the card's own agent may change it; others get not found, as if it did not exist. */
async function ownCard(deps: Deps, viewer: Agent, id: string): Promise<Result<Reflection>> {
  const found = fromDb(await getReflection(deps.db, id));
  if (!found.ok) return found;
  if (found.value.agent_id !== viewer.id) return failure("not_found", `reflection ${id} not found`);
  return found;
}

export const myReflections = (deps: Deps, viewer: Agent, page: { limit: number; offset: number }) =>
  listReflectionsOf(deps.db, viewer.id, page);

export const sharedReflections = (deps: Deps, page: { limit: number; offset: number; agentId?: string }) =>
  listSharedReflections(deps.db, page);

export async function setShared(
  deps: Deps,
  viewer: Agent,
  id: string,
  shared: boolean,
  actor: Actor,
): Promise<Result<Reflection>> {
  const own = await ownCard(deps, viewer, id);
  if (!own.ok) return own;
  if (own.value.shared === shared) return own;
  const updated = fromDb(await updateReflection(deps.db, id, { shared, at: deps.clock.now() }));
  if (updated.ok) {
    await audit(deps.db, actor, { entity: "reflection", entityId: id, action: shared ? "share" : "unshare" });
  }
  return updated;
}

export async function setNotes(
  deps: Deps,
  viewer: Agent,
  id: string,
  notes: string,
): Promise<Result<Reflection>> {
  const own = await ownCard(deps, viewer, id);
  if (!own.ok) return own;
  // Notes are private writing: not copied into the audit log.
  return fromDb(await updateReflection(deps.db, id, { notes, at: deps.clock.now() }));
}
