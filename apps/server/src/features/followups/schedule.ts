/**
 * @module Case reaction: resolving a case schedules its follow-up (the settings' delay later), crediting the last
 * agent who replied and their team; reopening it before the customer answered cancels the follow-up.
 */
import { cancelLiveFollowups, type Database, getAgent, scheduleFollowup } from "@keel/db";
import type { Kysely } from "kysely";
import type { CaseChanged } from "../../reactions/index.js";
import { readSetting } from "../settings/service.js";
import { followupsSetting } from "./settings.js";

const DAY_MS = 86_400_000;
const DONE = new Set(["resolved", "closed"]);

export async function followUpOnResolution(event: CaseChanged): Promise<void> {
  const { trx, before, after, now } = event;
  if (before.status === after.status) return;
  if (DONE.has(before.status) && !DONE.has(after.status)) {
    await cancelLiveFollowups(trx, after.id, "reopened", now);
    return;
  }
  if (after.status !== "resolved" || before.status === "closed") return;
  const { delayDays } = await readSetting(trx, followupsSetting);
  const agentId = (await lastReplyingAgent(trx, after.id)) ?? after.assignee_id;
  let teamId = after.team_id;
  if (teamId === null && agentId !== null) {
    const agent = await getAgent(trx, agentId);
    teamId = agent.ok ? agent.value.team_id : null;
  }
  await scheduleFollowup(trx, {
    caseId: after.id,
    dueAt: new Date(now.getTime() + delayDays * DAY_MS),
    agentId,
    teamId,
    createdAt: now,
  });
}

/** The agent who wrote the latest reply on the case: whose work the customer's answer is about. */
async function lastReplyingAgent(db: Kysely<Database>, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom("messages")
    .select("author_agent_id")
    .where("case_id", "=", caseId)
    .where("direction", "=", "outbound")
    .where("author_agent_id", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.author_agent_id ?? null;
}
