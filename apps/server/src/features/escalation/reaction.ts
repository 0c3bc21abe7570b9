/**
 * @module Reactions: after each inbound message the rules in force decide whether the case escalates; a case
 * resolved or closed takes its escalation out of the queue.
 */
import { activeEscalationForCase, newestMessageAt, transitionEscalation } from "@keel/db";
import type { CaseReaction, MessageReaction } from "../../reactions/index.js";
import { audit } from "../audit/service.js";
import { changeCaseInTransaction, ESCALATED_TAG } from "./case-change.js";
import { nothingEscalates } from "./inbound-check.js";
import { escalateByRules } from "./open.js";

/** A message written this long before it reached Keel is history being imported, not a customer waiting now. */
const IMPORTED_AFTER_MS = 3 * 24 * 3_600_000;
const DONE = new Set(["resolved", "closed"]);

export const escalateOnInbound: MessageReaction = async (event) => {
  const { trx, deps, message, now } = event;
  if (message.direction !== "inbound") return;
  if (now.getTime() - message.created_at.getTime() > IMPORTED_AFTER_MS) return;
  // Most messages fire nothing: a cheap look first, the full evaluation only when a rule would escalate.
  if (await nothingEscalates(trx, event.case.id, now)) return;
  // A failure here is an expected one (the case vanished meanwhile): the message is stored all the same.
  const opened = await escalateByRules(trx, deps, event.case.id, now, { source: "rule" });
  if (opened.ok && opened.value?.created) event.case = opened.value.case;
};

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
