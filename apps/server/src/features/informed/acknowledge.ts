/**
 * @module Acknowledgment of receipt: a customer's first message on a case they opened queues an acknowledgment in
 * the same transaction; the worker then writes it as an outbound message (mailed by the email-out path, shown in
 * the portal) with the reference, what happens next and when they will hear from us.
 */
import {
  type Case,
  type Database,
  getAcknowledgment,
  getCase,
  getCustomer,
  listMessages,
  recordAcknowledgment,
  updateCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { ServerConfig } from "../../config.js";
import type { Jobs } from "../../jobs/jobs.js";
import type { MessageStored } from "../../reactions/index.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import { jobConnectionOf } from "../cases/events.js";
import { readSetting } from "../settings/service.js";
import { issueCustomerLink } from "./customer-link.js";
import { addDeskMessage, announceDeskMessage } from "./desk-message.js";
import { deskVoiceFor } from "./desk-voice.js";
import { acknowledgmentSetting } from "./settings.js";
import { formatForCustomer, greetingName, renderTemplate } from "./template.js";

export const ACKNOWLEDGE_QUEUE = "informed.acknowledge";

/** Channels a customer opens a case through themselves; phone and chat cases are logged by an agent who is there. */
const CUSTOMER_CHANNELS = new Set(["email", "web", "api"]);
/** A first message older than this is history being imported, not someone waiting for an answer. */
export const ACKNOWLEDGE_MAX_AGE_MS = 60 * 60_000;
/** Customer links in acknowledgments stay valid this long. */
const LINK_DAYS = 30;
/** When the SLA due time has already passed (a late job), promise no less than this from now. */
const MIN_LEAD_MS = 60 * 60_000;

export interface AcknowledgeDeps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: Jobs;
  config: ServerConfig;
}

/** Message reaction: queues the acknowledgment with the message, so a rolled-back message acknowledges nothing. */
export async function queueAcknowledgment(event: MessageStored): Promise<void> {
  const { trx, message, case: kase, now } = event;
  // A case opened by this message is still `new`: later messages on older cases stop here, before any query.
  if (message.direction !== "inbound" || !CUSTOMER_CHANNELS.has(message.channel) || kase.status !== "new")
    return;
  if (now.getTime() - message.created_at.getTime() > ACKNOWLEDGE_MAX_AGE_MS) return;
  if (event.hadInbound === true || !(await isFirstMessageOfCustomerCase(trx, kase.id))) return;
  await event.deps.jobs.send(
    ACKNOWLEDGE_QUEUE,
    { caseId: kase.id },
    {
      connection: jobConnectionOf(trx),
      singletonKey: `acknowledge:${kase.id}`,
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
    },
  );
}

/** The case was opened by the customer (not by an agent logging it) and this is its only message. */
async function isFirstMessageOfCustomerCase(trx: Kysely<Database>, caseId: string): Promise<boolean> {
  const messages = await trx
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  if (Number(messages.n) !== 1) return false;
  const created = await trx
    .selectFrom("audit_log")
    .select("actor_kind")
    .where("entity", "=", "case")
    .where("entity_id", "=", caseId)
    .where("action", "=", "create")
    .executeTakeFirst();
  return created?.actor_kind === "contact";
}

export type AcknowledgeOutcome =
  | { sent: true; messageId: string }
  | { sent: false; reason: "already_acknowledged" | "agent_replied" | "case_closed" | "disabled" };

/**
 * Writes the acknowledgment. It is a system message: no author, not coached as the agent's reply, and it neither
 * marks the first response nor opens the case — the SLA keeps waiting for a person. The acknowledgments table
 * records which message it was, so it is sent once however often the job runs.
 */
export async function sendAcknowledgment(
  deps: AcknowledgeDeps,
  caseId: string,
): Promise<Result<AcknowledgeOutcome>> {
  const now = deps.clock.now();
  if (await getAcknowledgment(deps.db, caseId))
    return success({ sent: false, reason: "already_acknowledged" });
  const setting = await readSetting(deps.db, acknowledgmentSetting);
  if (!setting.enabled) return success({ sent: false, reason: "disabled" });
  return transact(deps.db, async (trx): Promise<Result<AcknowledgeOutcome>> => {
    const found = fromDb(await getCase(trx, caseId));
    if (!found.ok) return found;
    const kase = found.value;
    const thread = await listMessages(trx, kase.id);
    const skip = async (reason: "agent_replied" | "case_closed") => {
      await recordAcknowledgment(trx, { caseId, messageId: null, skippedReason: reason, at: now });
      return success<AcknowledgeOutcome>({ sent: false, reason });
    };
    // Someone already answered (or closed the case) before the job ran: a real answer beats an acknowledgment.
    if (thread.some((m) => m.direction === "outbound")) return skip("agent_replied");
    if (kase.status === "resolved" || kase.status === "closed") return skip("case_closed");

    const customer = fromDb(await getCustomer(trx, kase.customer_id));
    if (!customer.ok) return customer;
    const voice = await deskVoiceFor(trx, customer.value);
    const link = issueCustomerLink(deps.config, kase.id, now, LINK_DAYS);
    const linked = fromDb(await updateCase(trx, kase.id, { portalTokenHash: link.tokenHash }));
    if (!linked.ok) return linked;
    const body = renderTemplate(setting.template, {
      number: String(kase.number),
      customer_name: greetingName(customer.value.name),
      subject: kase.subject,
      next_update: formatForCustomer(nextUpdateAt(kase, now), voice.zone),
      portal_link: link.url,
      desk_name: voice.deskName,
    });
    const added = await addDeskMessage(trx, kase, body, thread, now);
    if (!added.ok) return added;
    const message = added.value;
    if (!(await recordAcknowledgment(trx, { caseId, messageId: message.id, at: now }))) {
      return failure("conflict", `case #${kase.number} was acknowledged meanwhile`);
    }
    await announceDeskMessage(trx, deps.jobs, kase, message, "acknowledge");
    return success<AcknowledgeOutcome>({ sent: true, messageId: message.id });
  });
}

/** When the customer will hear from a person: the first-response due time, or an hour from now if that passed. */
export function nextUpdateAt(kase: Pick<Case, "first_response_due_at">, now: Date): Date {
  const due = kase.first_response_due_at;
  return due !== null && due.getTime() > now.getTime() ? due : new Date(now.getTime() + MIN_LEAD_MS);
}
