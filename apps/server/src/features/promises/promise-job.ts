/**
 * @module The periodic promise check: reminds the owner before a promise falls due (lead time from the `promises`
 * setting), and tells supervisors and the owner once it is overdue. Each fires once per due time: the rows are
 * claimed and the notifications written in one transaction.
 */
import { claimOverduePromises, claimPromisesDueSoon, type Database, type PromiseRow } from "@keel/db";
import type { Kysely } from "kysely";
import { notify } from "../notifications/service.js";
import { readSetting } from "../settings/service.js";
import { promisesSetting } from "./settings.js";

export const PROMISE_CHECK_QUEUE = "promises.check";
export const PROMISE_CHECK_EVERY_MS = 60_000;

export interface PromiseCheckReport {
  reminded: string[];
  overdue: string[];
}

/** Case number (for titles) and assignee (told when a promise has no owner) of each promise's case. */
async function caseFacts(db: Kysely<Database>, rows: readonly PromiseRow[]) {
  const ids = [...new Set(rows.map((p) => p.case_id))];
  if (ids.length === 0) return new Map<string, { number: number; assignee: string | null }>();
  const cases = await db
    .selectFrom("cases")
    .select(["id", "number", "assignee_id"])
    .where("id", "in", ids)
    .execute();
  return new Map(cases.map((c) => [c.id, { number: c.number, assignee: c.assignee_id }]));
}

const when = (p: PromiseRow) => p.due_at?.toISOString() ?? "";
const quoted = (p: PromiseRow) =>
  `“${p.span_text.length > 160 ? `${p.span_text.slice(0, 157)}…` : p.span_text}”`;

export async function checkPromises(deps: { db: Kysely<Database> }, now: Date): Promise<PromiseCheckReport> {
  const { reminderLeadMinutes } = await readSetting(deps.db, promisesSetting);
  return deps.db.transaction().execute(async (trx) => {
    const soon = await claimPromisesDueSoon(trx, now, reminderLeadMinutes * 60_000);
    const late = await claimOverduePromises(trx, now);
    const facts = await caseFacts(trx, [...soon, ...late]);
    for (const p of soon) {
      const kase = facts.get(p.case_id);
      const to = p.owner_agent_id ?? kase?.assignee ?? null;
      if (to === null) continue;
      await notify(
        trx,
        {
          to: { agentId: to },
          kind: "promise_due_soon",
          caseId: p.case_id,
          title: `Promise due soon on case #${kase?.number ?? "?"}: ${p.text}`,
          body: `${quoted(p)} is due ${when(p)}.`,
          data: { promiseId: p.id, dueAt: when(p) },
          dedupeKey: `promise_due_soon:${p.id}:${when(p)}`,
        },
        now,
      );
    }
    for (const p of late) {
      const kase = facts.get(p.case_id);
      const alert = {
        kind: "promise_overdue",
        caseId: p.case_id,
        title: `Promise overdue on case #${kase?.number ?? "?"}: ${p.text}`,
        body: `${quoted(p)} was due ${when(p)} and is not marked kept.`,
        data: { promiseId: p.id, dueAt: when(p), ownerAgentId: p.owner_agent_id },
      };
      await notify(
        trx,
        { ...alert, to: { role: "supervisor" }, dedupeKey: `promise_overdue:supervisor:${p.id}:${when(p)}` },
        now,
      );
      const owner = p.owner_agent_id ?? kase?.assignee ?? null;
      if (owner !== null)
        await notify(
          trx,
          { ...alert, to: { agentId: owner }, dedupeKey: `promise_overdue:${p.id}:${when(p)}` },
          now,
        );
    }
    return { reminded: soon.map((p) => p.id), overdue: late.map((p) => p.id) };
  });
}
