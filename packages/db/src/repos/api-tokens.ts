/** @module API tokens: long-lived credentials for integrations, stored only as hashes, revocable. */
import type { Kysely } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Agent, ApiToken, Database } from "../schema.js";

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

/** The unrevoked token with this hash and its agent, in one round trip (authentication on every API call). */
export async function findActiveApiTokenWithAgent(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ agent: Agent; tokenId: string; lastUsedAt: Date | null } | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("agents", "agents.id", "api_tokens.agent_id")
    .selectAll("agents")
    .select(["api_tokens.id as token_id", "api_tokens.last_used_at as token_last_used_at"])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id: tokenId, token_last_used_at: lastUsedAt, ...agent } = row;
  return { agent, tokenId, lastUsedAt };
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

/** Revokes every token of the agent still in force (deactivation); returns the ids revoked. */
export async function revokeAgentApiTokens(
  db: Kysely<Database>,
  agentId: string,
  at: Date,
): Promise<string[]> {
  if (!isUuid(agentId)) return [];
  const rows = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("agent_id", "=", agentId)
    .where("revoked_at", "is", null)
    .returning("id")
    .execute();
  return rows.map((row) => row.id);
}
