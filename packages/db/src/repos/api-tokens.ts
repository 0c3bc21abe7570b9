/** @module API tokens: long-lived credentials for integrations, stored only as hashes, revocable. */
import type { Kysely } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { ApiToken, Database } from "../schema.js";

export async function createApiToken(
  db: Kysely<Database>,
  input: { agentId: string; name: string; tokenHash: string },
): Promise<DbResult<ApiToken>> {
  return guarded(`API token "${input.name}"`, async () =>
    ok(
      await db
        .insertInto("api_tokens")
        .values({ agent_id: input.agentId, name: input.name, token_hash: input.tokenHash })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** The unrevoked token with this hash, if any (authentication). */
export async function findActiveApiToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiToken | undefined> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function listApiTokens(db: Kysely<Database>, agentId: string): Promise<ApiToken[]> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("agent_id", "=", agentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Records a use of the token. */
export async function touchApiToken(db: Kysely<Database>, id: string, at: Date): Promise<DbResult<ApiToken>> {
  if (!isUuid(id)) return notFound("API token", id);
  return found(
    await db
      .updateTable("api_tokens")
      .set({ last_used_at: at })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "API token",
    id,
  );
}

/** Fails with `conflict` when the token was already revoked (the first revocation time is kept). */
export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  at: Date,
): Promise<DbResult<ApiToken>> {
  if (!isUuid(id)) return notFound("API token", id);
  const row = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (row) return ok(row);
  const exists = await db.selectFrom("api_tokens").select("id").where("id", "=", id).executeTakeFirst();
  return exists ? fail("conflict", `API token ${id} is already revoked`) : notFound("API token", id);
}
