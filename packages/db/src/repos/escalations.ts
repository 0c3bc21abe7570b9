/** @module Escalations (the supervisor queue) and the versioned escalation rule sets. */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import type {
  Customer,
  Database,
  EscalationRow,
  EscalationRuleSetRow,
  EscalationSource,
  EscalationStatus,
  JsonValue,
} from "../schema.js";
import { jsonb } from "./json.js";

/** The rule set in force: the highest saved version, or undefined before anyone saved one. */
export async function currentEscalationRuleSet(
  db: Kysely<Database>,
): Promise<EscalationRuleSetRow | undefined> {
  return db
    .selectFrom("escalation_rule_sets")
    .selectAll()
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Saved versions, newest first. */
export async function listEscalationRuleSets(
  db: Kysely<Database>,
  options: { limit?: number } = {},
): Promise<EscalationRuleSetRow[]> {
  return db
    .selectFrom("escalation_rule_sets")
    .selectAll()
    .orderBy("version", "desc")
    .limit(options.limit ?? 50)
    .execute();
}

/**
 * Saves the rules as the next version. With `baseVersion`, refuses (conflict) when someone saved another version
 * since that one was read; two saves racing for the same number also end in a conflict, never in a lost edit.
 */
export async function saveEscalationRuleSet(
  db: Kysely<Database>,
  input: { rules: JsonValue; authorAgentId: string | null; baseVersion?: number },
): Promise<DbResult<EscalationRuleSetRow>> {
  const current = await db
    .selectFrom("escalation_rule_sets")
    .select(sql<number>`coalesce(max(version), 0)`.as("version"))
    .executeTakeFirstOrThrow();
  const latest = Number(current.version);
  if (input.baseVersion !== undefined && input.baseVersion !== latest) {
    return fail(
      "conflict",
      `the rules were changed since version ${input.baseVersion} (now version ${latest}); reload them and edit again`,
    );
  }
  return guarded("escalation rule set", async () =>
    ok(
      await db
        .insertInto("escalation_rule_sets")
        .values({ version: latest + 1, rules: jsonb(input.rules), author_agent_id: input.authorAgentId })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  ).then((result) =>
    !result.ok && result.error.code === "duplicate"
      ? fail("conflict", "another version of the rules was saved at the same moment; reload and edit again")
      : result,
  );
}

export interface NewEscalation {
  caseId: string;
  source: EscalationSource;
  ruleName: string | null;
  severity: 1 | 2 | 3;
  reasons: JsonValue;
  brief: JsonValue;
  requestedByAgentId: string | null;
  note: string | null;
  /** When the newest message in the brief was written. */
  seenUntil: Date | null;
  createdAt: Date;
}

/** The case's escalation still in the queue (open or taken), if any. */
export async function activeEscalationForCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<EscalationRow | undefined> {
  if (!isUuid(caseId)) return undefined;
  return db
    .selectFrom("escalations")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("status", "<>", "resolved")
    .executeTakeFirst();
}

/**
 * Puts the case in the queue unless it already is there: then the escalation already queued is returned with
 * `created: false` (the partial unique index decides, so two triggers at once still make one escalation).
 */
export async function insertEscalation(
  db: Kysely<Database>,
  input: NewEscalation,
): Promise<DbResult<{ escalation: EscalationRow; created: boolean }>> {
  return guarded("escalation", async () => {
    const inserted = await db
      .insertInto("escalations")
      .values({
        case_id: input.caseId,
        source: input.source,
        rule_name: input.ruleName,
        severity: input.severity,
        reasons: jsonb(input.reasons),
        brief: jsonb(input.brief),
        requested_by_agent_id: input.requestedByAgentId,
        note: input.note,
        seen_until: input.seenUntil,
        created_at: input.createdAt,
        updated_at: input.createdAt,
      })
      // A literal predicate: PostgreSQL matches it to the partial index only when it can prove it, not with a bind.
      .onConflict((oc) => oc.column("case_id").where(sql<boolean>`status <> 'resolved'`).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return ok({ escalation: inserted, created: true });
    const existing = await activeEscalationForCase(db, input.caseId);
    if (!existing) return fail("conflict", "the case's escalation changed meanwhile; try again");
    return ok({ escalation: existing, created: false });
  });
}

export async function getEscalation(db: Kysely<Database>, id: string): Promise<DbResult<EscalationRow>> {
  if (!isUuid(id)) return notFound("escalation", id);
  return found(
    await db.selectFrom("escalations").selectAll().where("id", "=", id).executeTakeFirst(),
    "escalation",
    id,
  );
}

/** Every escalation of a case, newest first. */
export async function listEscalationsForCase(db: Kysely<Database>, caseId: string): Promise<EscalationRow[]> {
  if (!isUuid(caseId)) return [];
  return db
    .selectFrom("escalations")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at", "desc")
    .execute();
}

export interface EscalationFilter {
  statuses?: readonly EscalationStatus[];
  limit?: number;
  offset?: number;
}

/** The queue: open before taken before resolved, then most severe, then newest. */
export async function listEscalations(
  db: Kysely<Database>,
  filter: EscalationFilter = {},
): Promise<EscalationRow[]> {
  let query = db.selectFrom("escalations").selectAll();
  if (filter.statuses && filter.statuses.length > 0) query = query.where("status", "in", filter.statuses);
  return query
    .orderBy(sql`array_position(array['open','taken','resolved']::text[], status)`)
    .orderBy("severity", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute();
}

export interface EscalationTransition {
  status: EscalationStatus;
  takenByAgentId?: string;
  takenAt?: Date;
  resolvedAt?: Date;
  resolutionNote?: string | null;
  seenUntil?: Date | null;
  updatedAt: Date;
}

/**
 * Moves an escalation on, only from one of the `from` statuses (checked in the UPDATE itself, so a race ends in
 * `conflict` rather than two supervisors both taking it).
 */
export async function transitionEscalation(
  db: Kysely<Database>,
  id: string,
  from: readonly EscalationStatus[],
  change: EscalationTransition,
): Promise<DbResult<EscalationRow>> {
  if (!isUuid(id)) return notFound("escalation", id);
  const row = await db
    .updateTable("escalations")
    .set({
      status: change.status,
      ...(change.takenByAgentId === undefined ? {} : { taken_by_agent_id: change.takenByAgentId }),
      ...(change.takenAt === undefined ? {} : { taken_at: change.takenAt }),
      ...(change.resolvedAt === undefined ? {} : { resolved_at: change.resolvedAt }),
      ...(change.resolutionNote === undefined ? {} : { resolution_note: change.resolutionNote }),
      ...(change.seenUntil === undefined ? {} : { seen_until: change.seenUntil }),
      updated_at: change.updatedAt,
    })
    .where("id", "=", id)
    .where("status", "in", from)
    .returningAll()
    .executeTakeFirst();
  if (row) return ok(row);
  const current = await getEscalation(db, id);
  if (!current.ok) return current;
  return fail("conflict", `the escalation is ${current.value.status}`);
}

/** Marks a customer VIP or not (escalation rules can treat VIPs sooner). */
export async function setCustomerVip(
  db: Kysely<Database>,
  id: string,
  vip: boolean,
): Promise<DbResult<Customer>> {
  if (!isUuid(id)) return notFound("customer", id);
  return found(
    await db
      .updateTable("customers")
      .set({ vip, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "customer",
    id,
  );
}

/** When the case's newest message was written (null without messages). */
export async function newestMessageAt(db: Kysely<Database>, caseId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.max("created_at").as("newest"))
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  return row?.newest ?? null;
}
