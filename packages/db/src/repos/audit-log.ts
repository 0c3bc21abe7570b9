/** @module The audit log: who changed what, with the entity's state before and after. Append-only. */
import type { Kysely } from "kysely";
import { type DbResult, guarded, ok } from "../result.js";
import type { ActorKind, AuditEntry, Database, JsonValue } from "../schema.js";
import { jsonbOrNull } from "./json.js";

export interface NewAuditEntry {
  actorKind: ActorKind;
  /** The agent, contact or API token; null for the system itself. */
  actorId?: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: JsonValue | null;
  after?: JsonValue | null;
}

export async function recordAudit(db: Kysely<Database>, input: NewAuditEntry): Promise<DbResult<AuditEntry>> {
  return guarded(`audit entry ${input.entity}.${input.action}`, async () =>
    ok(
      await db
        .insertInto("audit_log")
        .values({
          actor_kind: input.actorKind,
          actor_id: input.actorId ?? null,
          entity: input.entity,
          entity_id: input.entityId,
          action: input.action,
          before: jsonbOrNull(input.before),
          after: jsonbOrNull(input.after),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** One entity's history, oldest first. */
export async function listAuditFor(
  db: Kysely<Database>,
  entity: string,
  entityId: string,
): Promise<AuditEntry[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", entity)
    .where("entity_id", "=", entityId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

/** The latest entries, newest first; pass the oldest `at` seen as `before` for the next page. */
export async function listRecentAudit(
  db: Kysely<Database>,
  page: { limit?: number; before?: Date } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (page.before !== undefined) query = query.where("at", "<", page.before);
  return query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit ?? 50)
    .execute();
}
