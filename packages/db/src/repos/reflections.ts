/** @module Reflections: an agent's private look back at a hard case, shared with supervisors only if they choose. */
import type { Kysely } from "kysely";
import { type DbResult, found, isUuid, notFound } from "../result.js";
import type { Database, JsonValue, Reflection } from "../schema.js";
import { jsonb } from "./json.js";

export interface NewReflection {
  agentId: string;
  caseId: string;
  wentWell: JsonValue;
  tryNext: JsonValue;
  messageIds: string[];
  at: Date;
}

/**
 * Stores the card for this agent and case; a case resolved again rewrites what the card says but keeps the
 * agent's notes and their choice to share it.
 */
export async function upsertReflection(db: Kysely<Database>, input: NewReflection): Promise<Reflection> {
  return db
    .insertInto("reflections")
    .values({
      agent_id: input.agentId,
      case_id: input.caseId,
      went_well: jsonb(input.wentWell),
      try_next: jsonb(input.tryNext),
      message_ids: input.messageIds,
      created_at: input.at,
      updated_at: input.at,
    })
    .onConflict((oc) =>
      oc.columns(["agent_id", "case_id"]).doUpdateSet((eb) => ({
        went_well: eb.ref("excluded.went_well"),
        try_next: eb.ref("excluded.try_next"),
        message_ids: eb.ref("excluded.message_ids"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getReflection(db: Kysely<Database>, id: string): Promise<DbResult<Reflection>> {
  if (!isUuid(id)) return notFound("reflection", id);
  return found(
    await db.selectFrom("reflections").selectAll().where("id", "=", id).executeTakeFirst(),
    "reflection",
    id,
  );
}

/** One agent's cards, newest first. */
export async function listReflectionsOf(
  db: Kysely<Database>,
  agentId: string,
  page: { limit?: number; offset?: number } = {},
): Promise<Reflection[]> {
  return db
    .selectFrom("reflections")
    .selectAll()
    .where("agent_id", "=", agentId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0)
    .execute();
}

/** Cards their agents chose to share, newest first. */
export async function listSharedReflections(
  db: Kysely<Database>,
  page: { limit?: number; offset?: number; agentId?: string } = {},
): Promise<Reflection[]> {
  let query = db
    .selectFrom("reflections")
    .selectAll()
    .where("shared", "=", true)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0);
  if (page.agentId !== undefined) query = query.where("agent_id", "=", page.agentId);
  return query.execute();
}

export interface ReflectionChanges {
  notes?: string;
  shared?: boolean;
  at: Date;
}

export async function updateReflection(
  db: Kysely<Database>,
  id: string,
  changes: ReflectionChanges,
): Promise<DbResult<Reflection>> {
  if (!isUuid(id)) return notFound("reflection", id);
  return found(
    await db
      .updateTable("reflections")
      .set({
        ...(changes.notes === undefined ? {} : { notes: changes.notes }),
        ...(changes.shared === undefined
          ? {}
          : { shared: changes.shared, shared_at: changes.shared ? changes.at : null }),
        updated_at: changes.at,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "reflection",
    id,
  );
}
