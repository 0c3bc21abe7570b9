/** @module Sign-in sessions of agents: looked up by token hash, sliding expiry, removed on sign-out. */
import type { Kysely } from "kysely";
import { type DbResult, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Database, Session } from "../schema.js";

export async function createSession(
  db: Kysely<Database>,
  input: { agentId: string; tokenHash: string; expiresAt: Date; userAgent?: string | null },
): Promise<DbResult<Session>> {
  return guarded("session", async () =>
    ok(
      await db
        .insertInto("sessions")
        .values({
          agent_id: input.agentId,
          token_hash: input.tokenHash,
          expires_at: input.expiresAt,
          user_agent: input.userAgent ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** The session with this token hash if it has not expired at `now`. */
export async function findLiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<Session | undefined> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** Marks activity and, for sliding sessions, moves the expiry. */
export async function touchSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
  expiresAt?: Date,
): Promise<DbResult<Session>> {
  if (!isUuid(id)) return notFound("session", id);
  return found(
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now, ...(expiresAt === undefined ? {} : { expires_at: expiresAt }) })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "session",
    id,
  );
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<DbResult<{ id: string }>> {
  if (!isUuid(id)) return notFound("session", id);
  return found(
    await db.deleteFrom("sessions").where("id", "=", id).returning("id").executeTakeFirst(),
    "session",
    id,
  );
}

/** Signs an agent out everywhere (password change, deactivation); returns how many sessions ended. */
export async function deleteAgentSessions(db: Kysely<Database>, agentId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("agent_id", "=", agentId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
