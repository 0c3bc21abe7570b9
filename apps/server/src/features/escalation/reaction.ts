/**
 * @module Reactions: after each inbound message the rules in force decide whether the case escalates; a case
 * resolved or closed takes its escalation out of the queue.
 */
import {
  activeEscalationForCase,
  type Case,
  type Database,
  type DueReaction,
  newestMessageAt,
  transitionEscalation,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { CaseReaction, MessageReaction } from "../../reactions/index.js";
import { audit } from "../audit/service.js";
import { changeCaseInTransaction, ESCALATED_TAG } from "./case-change.js";
import { type CheckReadAhead, nothingEscalates, readChecksAhead } from "./inbound-check.js";
import { escalateByRules } from "./open.js";

/** A message written this long before it reached Keel is history being imported, not a customer waiting now. */
const IMPORTED_AFTER_MS = 3 * 24 * 3_600_000;
const DONE = new Set(["resolved", "closed"]);

/** A message's escalation check read ahead with its batch's, and the case as the batch claimed it. */
export interface EscalationCheckAhead {
  readonly claimed: Case;
  readonly read: CheckReadAhead;
}

export const escalateOnInbound: MessageReaction = async (event) => {
  const { trx, deps, message, now } = event;
  if (message.direction !== "inbound") return;
  if (now.getTime() - message.created_at.getTime() > IMPORTED_AFTER_MS) return;
  const ahead = event.escalationCheck && readAheadFor(event.escalationCheck, event.case);
  // Most messages fire nothing: a cheap look first, the full evaluation only when a rule would escalate.
  if (await nothingEscalates(trx, event.case.id, now, ahead)) return;
  // A failure here is an expected one (the case vanished meanwhile): the message is stored all the same.
  const opened = await escalateByRules(trx, deps, event.case.id, now, { source: "rule" });
  if (opened.ok && opened.value?.created) event.case = opened.value.case;
};

/**
 * The row read ahead, with the case as a reaction before this one left it (routing assigns a new case): that row,
 * written by this transaction, is the one a query would read now.
 */
function readAheadFor(check: EscalationCheckAhead, kase: Case): CheckReadAhead {
  const { read } = check;
  if (kase === check.claimed || read.row === undefined) return read;
  return { before: read.before, row: { ...read.row, ...kase }, known: read.known };
}

/**
 * Reads ahead, in one statement, the escalation check of each message of a claimed batch that is the first of its
 * case in the batch (keyed by message id). Reactions write only to their own message's case, so until that first
 * message's check nothing of the transaction touched the case (but routing, see `readAheadFor`). A later message of
 * the case is checked by a query of its own: it must see what the reactions of the earlier ones wrote.
 */
export async function escalationChecksAhead(
  trx: Kysely<Database>,
  batch: readonly DueReaction[],
): Promise<Map<string, EscalationCheckAhead>> {
  const firsts = new Map<string, DueReaction & { case: Case }>();
  for (const due of batch) {
    if (due.case === null || firsts.has(due.case.id)) continue;
    firsts.set(due.case.id, { ...due, case: due.case });
  }
  // A blocked author's message and a reply run no escalation check (read ahead for nothing).
  const checked = [...firsts.values()].filter(
    (due) => !due.authorBlocked && due.message.direction === "inbound",
  );
  // The batch's messages were read with the claim: the check row need not carry their text and reading again.
  const known = new Map(batch.map((due) => [due.message.id, due.message]));
  const read = await readChecksAhead(
    trx,
    checked.map((due) => due.case.id),
    known,
  );
  const ahead = new Map<string, EscalationCheckAhead>();
  for (const due of checked) {
    const found = read.get(due.case.id);
    if (found) ahead.set(due.message.id, { claimed: due.case, read: found });
  }
  return ahead;
}

export const resolveEscalationWithCase: CaseReaction = async ({ trx, deps, before, after, actor, now }) => {
  if (before.status === after.status || !DONE.has(after.status)) return;
  const active = await activeEscalationForCase(trx, after.id);
  if (!active) return;
  const resolved = await transitionEscalation(trx, active.id, ["open", "taken"], {
    status: "resolved",
    resolvedAt: now,
    resolutionNote: `The case was ${after.status}.`,
    seenUntil: await newestMessageAt(trx, after.id),
    updatedAt: now,
  });
  if (!resolved.ok) return;
  await audit(trx, actor, {
    entity: "escalation",
    entityId: active.id,
    action: "resolve",
    after: { case_status: after.status },
  });
  await changeCaseInTransaction(
    trx,
    deps,
    after.id,
    { removeTag: ESCALATED_TAG },
    actor,
    "escalation_resolved",
    now,
  );
};
