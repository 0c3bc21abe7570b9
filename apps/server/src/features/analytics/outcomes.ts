/**
 * @module Outcome figures after resolution — CSAT, fix-held rate and reopen rate — per agent, team or topic (case
 * tag), with names to show. Exported for the dashboard and the outcomes route.
 */
import { type Database, type OutcomeGrouping, type OutcomeRow, outcomeFigures } from "@keel/db";
import type { Kysely } from "kysely";
import { failure, type Result, success } from "../../service-result.js";

const DAY_MS = 86_400_000;
/** Without `from`, the last 30 days. */
export const DEFAULT_OUTCOME_DAYS = 30;

export interface OutcomeGroup extends OutcomeRow {
  label: string;
}

export interface OutcomeReport {
  groupBy: OutcomeGrouping;
  from: Date;
  to: Date;
  groups: OutcomeGroup[];
}

const NONE_LABEL: Record<OutcomeGrouping, string> = {
  agent: "no agent replied",
  team: "no team",
  topic: "untagged",
};

export async function outcomesBy(
  db: Kysely<Database>,
  query: { groupBy: OutcomeGrouping; from?: Date | undefined; to?: Date | undefined },
  now: Date,
): Promise<Result<OutcomeReport>> {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - DEFAULT_OUTCOME_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime())
    return failure("validation_failed", "from must be before to", "querystring.from");
  const rows = await outcomeFigures(db, query.groupBy, { from, to });
  const names = await namesFor(db, query.groupBy, rows);
  return success({
    groupBy: query.groupBy,
    from,
    to,
    groups: rows.map((row) => ({
      ...row,
      label: row.key === null ? NONE_LABEL[query.groupBy] : (names.get(row.key) ?? row.key),
    })),
  });
}

async function namesFor(
  db: Kysely<Database>,
  groupBy: OutcomeGrouping,
  rows: readonly OutcomeRow[],
): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) => (r.key === null ? [] : [r.key]));
  if (groupBy === "topic" || ids.length === 0) return new Map();
  const table = groupBy === "agent" ? "agents" : "teams";
  const found = await db.selectFrom(table).select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(found.map((r) => [r.id, r.name]));
}
