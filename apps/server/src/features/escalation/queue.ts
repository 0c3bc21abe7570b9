/** @module The supervisor queue: listing escalations, taking one (the supervisor becomes the case owner), resolving it. */
import {
  type Case,
  type Database,
  type EscalationRow,
  type EscalationStatus,
  getEscalation,
  listEscalations,
  newestMessageAt,
  transitionEscalation,
} from "@keel/db";
import type { Kysely } from "kysely";
import { fromDb, type Result, success, transact } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import type { CoreDeps } from "../cases/service.js";
import { notify } from "../notifications/service.js";
import { changeCaseInTransaction, ESCALATED_TAG } from "./case-change.js";
import type { CaseLabel } from "./dto.js";

/** Number and subject of each case, for labelling escalations. */
export async function caseLabels(
  db: Kysely<Database>,
  caseIds: readonly string[],
): Promise<Map<string, CaseLabel>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("cases")
    .select(["id", "number", "subject"])
    .where("id", "in", [...new Set(caseIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, { number: r.number, subject: r.subject }]));
}

/** The queue; without statuses, what still needs a supervisor (open and taken). */
export async function listQueue(
  db: Kysely<Database>,
  filter: { statuses?: EscalationStatus[] | undefined; limit?: number; offset?: number },
): Promise<Array<{ row: EscalationRow; label: CaseLabel }>> {
  const rows = await listEscalations(db, {
    statuses: filter.statuses ?? ["open", "taken"],
    ...(filter.limit === undefined ? {} : { limit: filter.limit }),
    ...(filter.offset === undefined ? {} : { offset: filter.offset }),
  });
  const labels = await caseLabels(
    db,
    rows.map((r) => r.case_id),
  );
  return rows.map((row) => ({ row, label: labels.get(row.case_id) ?? { number: 0, subject: "" } }));
}

export interface Handled {
  escalation: EscalationRow;
  case: Case;
}

/** The supervisor takes the escalation and the case; taking one's own escalation again changes nothing. */
export async function takeEscalation(
  deps: CoreDeps,
  id: string,
  supervisorId: string,
  actor: Actor,
): Promise<Result<Handled>> {
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const current = fromDb(await getEscalation(trx, id));
    if (!current.ok) return current;
    const mine = current.value.status === "taken" && current.value.taken_by_agent_id === supervisorId;
    const taken = mine
      ? current
      : fromDb(
          await transitionEscalation(trx, id, ["open"], {
            status: "taken",
            takenByAgentId: supervisorId,
            takenAt: now,
            updatedAt: now,
          }),
        );
    if (!taken.ok) return taken;
    const before = await trx
      .selectFrom("cases")
      .select("assignee_id")
      .where("id", "=", taken.value.case_id)
      .executeTakeFirst();
    const kase = await changeCaseInTransaction(
      trx,
      deps,
      taken.value.case_id,
      { assigneeId: supervisorId },
      actor,
      "assign",
      now,
    );
    if (!kase.ok) return kase;
    if (!mine) {
      await audit(trx, actor, {
        entity: "escalation",
        entityId: id,
        action: "take",
        before: current.value.status,
        after: taken.value.status,
      });
      const previous = before?.assignee_id;
      if (previous && previous !== supervisorId) {
        await notify(
          trx,
          {
            to: { agentId: previous },
            kind: "escalation_taken",
            caseId: kase.value.id,
            title: `A supervisor took over case #${kase.value.number}`,
            body: "The case is assigned to them now; the handoff brief is on the case.",
            dedupeKey: `escalation-taken:${id}`,
          },
          now,
        );
      }
    }
    return success({ escalation: taken.value, case: kase.value });
  });
}

/** Closes the matter in the queue; the case loses its `escalated` tag (a later escalation needs new evidence). */
export async function resolveEscalation(
  deps: CoreDeps,
  id: string,
  note: string | undefined,
  actor: Actor,
): Promise<Result<Handled>> {
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const trimmed = note?.trim();
    const current = fromDb(await getEscalation(trx, id));
    if (!current.ok) return current;
    const resolved = fromDb(
      await transitionEscalation(trx, id, ["open", "taken"], {
        status: "resolved",
        resolvedAt: now,
        resolutionNote: trimmed ? trimmed : null,
        // Whatever the customer wrote up to now was the supervisor's to handle.
        seenUntil: await newestMessageAt(trx, current.value.case_id),
        updatedAt: now,
      }),
    );
    if (!resolved.ok) return resolved;
    const kase = await changeCaseInTransaction(
      trx,
      deps,
      resolved.value.case_id,
      { removeTag: ESCALATED_TAG },
      actor,
      "escalation_resolved",
      now,
    );
    if (!kase.ok) return kase;
    await audit(trx, actor, {
      entity: "escalation",
      entityId: id,
      action: "resolve",
      after: { note: trimmed ?? null },
    });
    return success({ escalation: resolved.value, case: kase.value });
  });
}
