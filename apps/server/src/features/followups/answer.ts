/**
 * @module The customer's answer to a follow-up. A bad answer (the fix did not hold, CSAT 2 or less, or an angry
 * comment) reopens the case at high priority at least and tells the credited agent and the supervisors; a good
 * answer closes the case. Either way the answer lands on the case as an internal note for the agents.
 */
import { analyzeCustomer } from "@keel/coach";
import {
  answerFollowup,
  type Case,
  type Followup,
  findFollowupByTokenHash,
  getCase,
  listContacts,
} from "@keel/db";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { type Actor, SYSTEM_ACTOR } from "../audit/service.js";
import { sha256 } from "../auth/secrets.js";
import { serverSecret } from "../auth/service.js";
import { updateCase } from "../cases/service.js";
import { isMoreUrgent } from "../cases/sla.js";
import { addNote } from "../messages/service.js";
import { notify } from "../notifications/service.js";
import { verifyPortalToken } from "../portal/tokens.js";
import type { FollowupDeps } from "./send-job.js";

/** A comment at this anger level or above ("angry", "furious") counts as a bad answer whatever the score. */
export const ANGRY_COMMENT_LEVEL = 2;
export const LOW_CSAT = 2;
export const FOLLOWUP_REOPENED_KIND = "followup_reopened";

export interface FollowupAnswerInput {
  fixHeld: boolean;
  csat: number;
  comment?: string | undefined;
}

/** The follow-up a link opens, or `unauthenticated` for a malformed, forged, expired or unknown link. */
export async function followupOfToken(
  deps: Pick<FollowupDeps, "db" | "clock" | "config">,
  token: string,
): Promise<Result<{ followup: Followup; case: Case }>> {
  const check = verifyPortalToken(serverSecret(deps.config), token, deps.clock.now());
  const followup = check.ok ? await findFollowupByTokenHash(deps.db, sha256(token)) : undefined;
  if (!check.ok || !followup || followup.case_id !== check.caseId) {
    return failure("unauthenticated", "This link is invalid or has expired; ask us for a new one.");
  }
  const kase = fromDb(await getCase(deps.db, followup.case_id));
  if (!kase.ok) return kase;
  return success({ followup, case: kase.value });
}

export function isBadAnswer(answer: FollowupAnswerInput, commentAnger: number | null): boolean {
  return !answer.fixHeld || answer.csat <= LOW_CSAT || (commentAnger ?? 0) >= ANGRY_COMMENT_LEVEL;
}

export interface AnswerOutcome {
  outcome: "closed" | "reopened";
  case: Case;
}

export async function answerByToken(
  deps: FollowupDeps,
  token: string,
  answer: FollowupAnswerInput,
): Promise<Result<AnswerOutcome>> {
  const opened = await followupOfToken(deps, token);
  if (!opened.ok) return opened;
  const { followup, case: kase } = opened.value;
  if (followup.answered_at !== null) return failure("conflict", "You have already answered this follow-up.");
  if (followup.cancelled_at !== null) {
    return failure(
      "conflict",
      "This case was reopened, so this follow-up is closed; reply on the case instead.",
    );
  }
  const now = deps.clock.now();
  const comment = answer.comment?.trim() || null;
  const commentAnger = comment === null ? null : analyzeCustomer(comment).anger_level;
  const bad = isBadAnswer(answer, commentAnger);
  const stored = fromDb(
    await answerFollowup(deps.db, followup.id, {
      fixHeld: answer.fixHeld,
      csat: answer.csat,
      comment,
      commentAnger,
      outcome: bad ? "reopened" : "closed",
      at: now,
    }),
  );
  if (!stored.ok) return failure("conflict", "You have already answered this follow-up.");
  const actor = await customerActor(deps, kase);
  const summary = answerSummary(answer, comment);
  await addNote(deps, { caseId: kase.id, authorAgentId: null, body: `Follow-up answer: ${summary}` }, actor);
  if (!bad) {
    const closed =
      kase.status === "closed"
        ? success(kase)
        : await updateCase(deps, kase.id, { status: "closed" }, actor, "followup_close");
    if (!closed.ok) return closed;
    return success({ outcome: "closed", case: closed.value });
  }
  const reopened = await updateCase(
    deps,
    kase.id,
    { status: "open", ...(isMoreUrgent("high", kase.priority) ? { priority: "high" as const } : {}) },
    actor,
    "followup_reopen",
  );
  if (!reopened.ok) return reopened;
  await tellAgents(deps, stored.value, reopened.value, summary, now);
  return success({ outcome: "reopened", case: reopened.value });
}

/** The customer as the actor of the change, so the audit trail says who reopened or closed it. */
async function customerActor(deps: Pick<FollowupDeps, "db">, kase: Case): Promise<Actor> {
  const [contact] = await listContacts(deps.db, kase.customer_id);
  return contact ? { kind: "contact", id: contact.id } : SYSTEM_ACTOR;
}

function answerSummary(answer: FollowupAnswerInput, comment: string | null): string {
  const held = answer.fixHeld ? "the fix held" : "the fix did not hold";
  return `${held}; CSAT ${answer.csat}/5${comment === null ? "" : `; comment: "${comment}"`}`;
}

async function tellAgents(
  deps: Pick<FollowupDeps, "db">,
  followup: Followup,
  kase: Case,
  summary: string,
  now: Date,
): Promise<void> {
  const title = `Case #${kase.number} reopened by the customer's follow-up answer`;
  const data = { followupId: followup.id, csat: followup.csat, fixHeld: followup.fix_held };
  const base = { kind: FOLLOWUP_REOPENED_KIND, caseId: kase.id, title, body: summary, data };
  const agentId = followup.agent_id ?? kase.assignee_id;
  if (agentId !== null) {
    await notify(
      deps.db,
      { ...base, to: { agentId }, dedupeKey: `${FOLLOWUP_REOPENED_KIND}:${followup.id}:agent` },
      now,
    );
  }
  await notify(
    deps.db,
    { ...base, to: { role: "supervisor" }, dedupeKey: `${FOLLOWUP_REOPENED_KIND}:${followup.id}:supervisor` },
    now,
  );
}
