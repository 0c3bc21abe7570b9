/**
 * @module The follow-up check: due follow-ups are sent as an outbound message (mailed by the email-out path, shown
 * in the portal) asking whether the fix held, for a CSAT score and a comment, with a signed link to answer.
 */
import {
  type Case,
  cancelLiveFollowups,
  type Database,
  type Followup,
  getCase,
  getCustomer,
  listDueFollowups,
  listMessages,
  markFollowupSent,
  updateCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { ServerConfig } from "../../config.js";
import type { Jobs } from "../../jobs/jobs.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import {
  addDeskMessage,
  announceDeskMessage,
  deskVoiceFor,
  formatForCustomer,
  greetingName,
  issueCustomerLink,
} from "../informed/service.js";
import { readSetting } from "../settings/service.js";
import { followupsSetting } from "./settings.js";

export const FOLLOWUP_CHECK_QUEUE = "followups.check";
export const FOLLOWUP_CHECK_EVERY_MS = 15 * 60_000;

export interface FollowupDeps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: Jobs;
  config: ServerConfig;
}

export interface FollowupCheckReport {
  due: number;
  sent: string[];
  /** Due follow-ups whose case is no longer resolved (reopened by an agent): cancelled, not sent. */
  cancelled: string[];
}

/** The question, in words that name the case and say what happens if the problem came back. */
export function followupText(input: {
  name: string;
  kase: Pick<Case, "number" | "subject" | "resolved_at">;
  zone: string;
  deskName: string;
  link: string;
}): string {
  const resolved = input.kase.resolved_at
    ? ` on ${formatForCustomer(input.kase.resolved_at, input.zone).replace(/ at .*$/, "")}`
    : "";
  return [
    `Hello ${greetingName(input.name)},`,
    `We resolved your case #${input.kase.number} about "${input.kase.subject}"${resolved}, and I'd like to check ` +
      "that the fix has held for you.",
    "Could you take a minute to tell us how it went? Did the fix hold, how satisfied are you with how we handled " +
      `it (1 to 5), and is there anything you'd like to add? You can answer here: ${input.link}`,
    "If the problem has come back, say so there: we'll reopen your case and a member of the team will pick it up " +
      "with the history in front of them, so you won't need to explain it again.",
    `The ${input.deskName} team`,
  ].join("\n\n");
}

export async function sendDueFollowups(deps: FollowupDeps): Promise<FollowupCheckReport> {
  const now = deps.clock.now();
  const report: FollowupCheckReport = { due: 0, sent: [], cancelled: [] };
  for (const followup of await listDueFollowups(deps.db, now)) {
    report.due++;
    const sent = await sendFollowup(deps, followup, now);
    if (!sent.ok) continue;
    if (sent.value === "sent") report.sent.push(followup.id);
    else report.cancelled.push(followup.id);
  }
  return report;
}

async function sendFollowup(
  deps: FollowupDeps,
  followup: Followup,
  now: Date,
): Promise<Result<"sent" | "cancelled">> {
  const { linkDays } = await readSetting(deps.db, followupsSetting);
  return transact(deps.db, async (trx): Promise<Result<"sent" | "cancelled">> => {
    const found = fromDb(await getCase(trx, followup.case_id));
    if (!found.ok) return found;
    const kase = found.value;
    if (kase.status !== "resolved" && kase.status !== "closed") {
      await cancelLiveFollowups(trx, kase.id, "not_resolved", now);
      return success("cancelled");
    }
    const customer = fromDb(await getCustomer(trx, kase.customer_id));
    if (!customer.ok) return customer;
    const voice = await deskVoiceFor(trx, customer.value);
    // The follow-up link becomes the case's portal link too, so it opens the whole case as well.
    const link = issueCustomerLink(deps.config, kase.id, now, linkDays, "/followup");
    const linked = fromDb(await updateCase(trx, kase.id, { portalTokenHash: link.tokenHash }));
    if (!linked.ok) return linked;
    const body = followupText({
      name: customer.value.name,
      kase,
      zone: voice.zone,
      deskName: voice.deskName,
      link: link.url,
    });
    const added = await addDeskMessage(trx, kase, body, await listMessages(trx, kase.id), now);
    if (!added.ok) return added;
    const message = added.value;
    const marked = await markFollowupSent(trx, followup.id, {
      at: now,
      messageId: message.id,
      tokenHash: link.tokenHash,
      linkExpiresAt: link.expiresAt,
    });
    if (!marked) return failure("conflict", `follow-up ${followup.id} was sent or cancelled meanwhile`);
    await announceDeskMessage(trx, deps.jobs, kase, message, "followup");
    return success("sent");
  });
}
