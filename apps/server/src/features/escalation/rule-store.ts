/** @module The escalation rules in force, their saved versions, and saving a new version (admins). */
import { type EscalationRule, EscalationRules } from "@keel/contracts";
import {
  currentEscalationRuleSet,
  type Database,
  type EscalationRuleSetRow,
  listEscalationRuleSets,
  saveEscalationRuleSet,
} from "@keel/db";
import { type Kysely, sql } from "kysely";
import { failure, fromDb, type Result, success, toJson, transact } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";

export interface RuleSetView {
  /** 0 for the built-in defaults. */
  version: number;
  builtIn: boolean;
  rules: EscalationRule[];
  authorAgentId: string | null;
  createdAt: Date | null;
}

const BUILT_IN: RuleSetView = {
  version: 0,
  builtIn: true,
  rules: [...DEFAULT_ESCALATION_RULES],
  authorAgentId: null,
  createdAt: null,
};

/** A stored version as rules; were one ever unreadable (written by hand), its readable rules still apply. */
function viewOf(row: EscalationRuleSetRow): RuleSetView {
  const parsed = EscalationRules.safeParse(row.rules);
  const rules = parsed.success
    ? parsed.data
    : (Array.isArray(row.rules) ? row.rules : []).flatMap((r) => {
        const one = EscalationRules.element.safeParse(r);
        return one.success ? [one.data] : [];
      });
  return {
    version: row.version,
    builtIn: false,
    rules,
    authorAgentId: row.author_agent_id,
    createdAt: row.created_at,
  };
}

export async function currentRules(db: Kysely<Database>): Promise<RuleSetView> {
  const row = await currentEscalationRuleSet(db);
  return row ? viewOf(row) : BUILT_IN;
}

/**
 * What tells one saved rule set from another, even across databases: its version, the transaction that wrote it
 * and when. `RULE_SET_TAG` reads it for the newest version alongside other reads (null: the built-in defaults).
 */
export const RULE_SET_TAG = sql<
  string | null
>`(SELECT version || '/' || xmin || '/' || extract(epoch FROM created_at)
  FROM escalation_rule_sets ORDER BY version DESC LIMIT 1)`;

/** Rule sets already read, by tag: a version never changes once saved, so the tag alone says when to read again. */
const readSets = new Map<string, RuleSetView>();
const KEPT_SETS = 16;

/** The rules in force when the newest version has `tag` (from `RULE_SET_TAG`), read from the database once per tag. */
export async function rulesTagged(db: Kysely<Database>, tag: string | null): Promise<RuleSetView> {
  if (tag === null) return BUILT_IN;
  const known = readSets.get(tag);
  if (known) return known;
  const row = await db
    .selectFrom("escalation_rule_sets")
    .selectAll()
    .select(sql<string>`version || '/' || xmin || '/' || extract(epoch FROM created_at)`.as("tag"))
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return BUILT_IN;
  const { tag: rowTag, ...stored } = row;
  const view = viewOf(stored);
  if (readSets.size >= KEPT_SETS) readSets.clear();
  readSets.set(rowTag, view);
  return view;
}

/** Saved versions, newest first, ending with the built-in defaults they started from. */
export async function ruleVersions(db: Kysely<Database>): Promise<RuleSetView[]> {
  return [...(await listEscalationRuleSets(db, { limit: 100 })).map(viewOf), BUILT_IN];
}

/** Saves the rules (already checked by the contract) as the next version, after checking the teams they name. */
export async function saveRules(
  db: Kysely<Database>,
  input: { rules: EscalationRule[]; baseVersion?: number | undefined },
  actor: Actor,
): Promise<Result<RuleSetView>> {
  const teamIds = [...new Set(input.rules.flatMap((r) => (r.action.teamId ? [r.action.teamId] : [])))];
  if (teamIds.length > 0) {
    const known = new Set(
      (await db.selectFrom("teams").select("id").where("id", "in", teamIds).execute()).map((t) => t.id),
    );
    const index = input.rules.findIndex((r) => r.action.teamId && !known.has(r.action.teamId));
    if (index >= 0) {
      return failure(
        "validation_failed",
        `rules.${index}.action.teamId: no team has this id`,
        `body.rules.${index}.action.teamId`,
      );
    }
  }
  return transact(db, async (trx) => {
    const saved = fromDb(
      await saveEscalationRuleSet(trx, {
        rules: toJson(input.rules),
        authorAgentId: actor.kind === "agent" ? actor.id : null,
        ...(input.baseVersion === undefined ? {} : { baseVersion: input.baseVersion }),
      }),
    );
    if (!saved.ok) return saved;
    await audit(trx, actor, {
      entity: "escalation_rules",
      entityId: String(saved.value.version),
      action: "update",
      after: saved.value.rules,
    });
    return success(viewOf(saved.value));
  });
}
