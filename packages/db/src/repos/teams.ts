/** @module Teams: groups of agents that cases are routed to. */
import type { Kysely } from "kysely";
import { type DbResult, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Database, Team } from "../schema.js";

export async function createTeam(db: Kysely<Database>, input: { name: string }): Promise<DbResult<Team>> {
  return guarded(`team "${input.name}"`, async () =>
    ok(
      await db
        .insertInto("teams")
        .values({ name: input.name.trim() })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

export async function getTeam(db: Kysely<Database>, id: string): Promise<DbResult<Team>> {
  if (!isUuid(id)) return notFound("team", id);
  return found(await db.selectFrom("teams").selectAll().where("id", "=", id).executeTakeFirst(), "team", id);
}

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  return db.selectFrom("teams").selectAll().orderBy("name").execute();
}

export async function renameTeam(db: Kysely<Database>, id: string, name: string): Promise<DbResult<Team>> {
  if (!isUuid(id)) return notFound("team", id);
  return guarded(`team "${name}"`, async () =>
    found(
      await db
        .updateTable("teams")
        .set({ name: name.trim() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst(),
      "team",
      id,
    ),
  );
}

/** Members and cases of a deleted team are kept, with no team. */
export async function deleteTeam(db: Kysely<Database>, id: string): Promise<DbResult<{ id: string }>> {
  if (!isUuid(id)) return notFound("team", id);
  const deleted = await db.deleteFrom("teams").where("id", "=", id).returning("id").executeTakeFirst();
  return deleted ? ok(deleted) : notFound("team", id);
}
