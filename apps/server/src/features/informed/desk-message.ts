/**
 * @module A message the desk itself sends the customer (acknowledgment, follow-up question): no author, emailed
 * when the customer has an email address (the portal otherwise), coached like any reply, dated by the clock.
 */
import { addMessage, type Case, type Database, listContacts, type Message } from "@keel/db";
import type { Kysely } from "kysely";
import type { Jobs } from "../../jobs/jobs.js";
import { fromDb, type Result } from "../../service-result.js";
import { audit, SYSTEM_ACTOR } from "../audit/service.js";
import { emitEvent } from "../cases/events.js";
import { analyseOutbound } from "../messages/analysis.js";

export async function addDeskMessage(
  trx: Kysely<Database>,
  kase: Case,
  body: string,
  thread: readonly Message[],
  now: Date,
): Promise<Result<Message>> {
  const hasEmail = (await listContacts(trx, kase.customer_id)).some((c) => c.kind === "email");
  const added = fromDb(
    await addMessage(trx, {
      caseId: kase.id,
      direction: "outbound",
      channel: hasEmail ? "email" : "web",
      body,
      authorAgentId: null,
      analysis: analyseOutbound(body, thread, now),
      createdAt: now,
    }),
  );
  return added.ok ? { ok: true, value: added.value.message } : added;
}

/** Records the desk's message (`action`: why it was sent) in the audit log and tells webhooks of it. */
export async function announceDeskMessage(
  trx: Kysely<Database>,
  jobs: Jobs,
  kase: Case,
  message: Message,
  action: string,
): Promise<void> {
  await audit(trx, SYSTEM_ACTOR, { entity: "message", entityId: message.id, action, after: message });
  await emitEvent(jobs, "message.created", { case_id: kase.id, message }, trx);
}
