/** @module The audit log: who changed what, with the entity's state before and after. Append-only. */
import type { Kysely } from "kysely";
import { type DbResult, fail, guarded, ok } from "../result.js";
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

export interface AuditPage {
  limit?: number;
  /** Only entries older than this instant (a Date holds milliseconds; `at` holds microseconds). */
  before?: Date;
  /**
   * The id of the last entry seen: the page continues after it in (at, id) order, exactly, even where entries
   * share a millisecond (a burst of messages writes many).
   */
  beforeId?: string;
}

/** The latest entries, newest first. */
export async function listRecentAudit(
  db: Kysely<Database>,
  page: AuditPage = {},
): Promise<DbResult<AuditEntry[]>> {
  let query = db.selectFrom("audit_log").selectAll();
  if (page.before !== undefined) query = query.where("at", "<", page.before);
  const { beforeId } = page;
  if (beforeId !== undefined) {
    // Compared in the database, so the cursor keeps its microseconds.
    const cursor = db.selectFrom("audit_log").select(["at", "id"]).where("id", "=", beforeId);
    query = query.where(({ eb, refTuple }) => eb(refTuple("at", "id"), "<", cursor.$asTuple("at", "id")));
  }
  const entries = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit ?? 50)
    .execute();
  if (entries.length === 0 && beforeId !== undefined && !(await auditEntryExists(db, beforeId))) {
    return fail("not_found", `no audit entry ${beforeId} to page from`);
  }
  return ok(entries);
}

async function auditEntryExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("audit_log").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}
