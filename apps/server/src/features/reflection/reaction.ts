/**
 * @module When a case whose customer reached anger level 2 (angry) or higher is resolved or closed, the agent who
 * replied most gets a reflection card, and a notification that it is there.
 */
import { listMessages, upsertReflection } from "@keel/db";
import type { CaseChanged } from "../../reactions/index.js";
import { notify } from "../notifications/service.js";
import { caseHostility, topReplier } from "../wellbeing/service.js";
import { buildReflection } from "./build-reflection.js";

const DONE = new Set(["resolved", "closed"]);
/** Angry (2) or furious (3). */
export const REFLECTION_MIN_LEVEL = 2;

export async function reflectionOnCaseChange(event: CaseChanged): Promise<void> {
  const { trx, before, after, now } = event;
  if (!DONE.has(after.status) || DONE.has(before.status)) return;
  const thread = await listMessages(trx, after.id);
  if (caseHostility(thread).maxLevel < REFLECTION_MIN_LEVEL) return;
  const agentId = topReplier(thread);
  if (!agentId) return;
  const content = buildReflection(thread, agentId);
  // No reply moved the customer's anger either way (e.g. the last reply got no answer): a card would be empty.
  if (content.wentWell.length === 0 && content.tryNext.length === 0) return;
  const card = await upsertReflection(trx, {
    agentId,
    caseId: after.id,
    wentWell: content.wentWell,
    tryNext: content.tryNext,
    messageIds: content.messageIds,
    at: now,
  });
  await notify(
    trx,
    {
      to: { agentId },
      kind: "reflection_ready",
      caseId: after.id,
      title: `A reflection on case #${after.number}`,
      body: `${content.wentWell.length} thing(s) that helped the customer calm down, ${content.tryNext.length} to try next time. Only you can see it unless you share it.`,
      data: { reflectionId: card.id },
      dedupeKey: `reflection:${card.id}`,
    },
    now,
  );
}
