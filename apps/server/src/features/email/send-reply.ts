/** @module Mails an agent's reply to the customer through the configured relay, with threading headers. */
import { type Database, getCase, getMessage, listContacts, listMessages } from "@keel/db";
import type { Kysely } from "kysely";
import type { Transporter } from "nodemailer";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { replyHeaders } from "./reply-headers.js";

export const EMAIL_SEND_QUEUE = "email.send";

export interface SendReplyDeps {
  db: Kysely<Database>;
  transport: Pick<Transporter, "sendMail">;
  fromAddress: string;
  messageIdDomain: string;
}

/** Where a reply goes: the address of the customer's latest email, else the customer's first email contact. */
async function recipientOf(
  db: Kysely<Database>,
  customerId: string,
  thread: readonly { author_contact_id: string | null; direction: string; channel: string }[],
): Promise<string | undefined> {
  const contacts = (await listContacts(db, customerId)).filter((c) => c.kind === "email");
  const lastEmail = [...thread].reverse().find((m) => m.direction === "inbound" && m.channel === "email");
  const author = contacts.find((c) => c.id === lastEmail?.author_contact_id);
  return (author ?? contacts[0])?.value;
}

/** Sends one outbound message; throws only on a relay failure, so the job queue retries it. */
export async function sendReplyEmail(
  deps: SendReplyDeps,
  messageId: string,
): Promise<Result<{ to: string; messageId: string }>> {
  const message = fromDb(await getMessage(deps.db, messageId));
  if (!message.ok) return message;
  if (message.value.direction !== "outbound")
    return failure("unprocessable", "only outbound messages are mailed");
  const kase = fromDb(await getCase(deps.db, message.value.case_id));
  if (!kase.ok) return kase;
  const thread = await listMessages(deps.db, kase.value.id);
  const to = await recipientOf(deps.db, kase.value.customer_id, thread);
  if (!to) return failure("unprocessable", `case #${kase.value.number} has no email address to reply to`);
  const headers = replyHeaders(kase.value, thread, message.value, deps.messageIdDomain);
  await deps.transport.sendMail({
    from: deps.fromAddress,
    to,
    subject: headers.subject,
    text: message.value.body,
    messageId: `<${headers.messageId}>`,
    ...(headers.inReplyTo === undefined ? {} : { inReplyTo: `<${headers.inReplyTo}>` }),
    ...(headers.references.length === 0 ? {} : { references: headers.references.map((id) => `<${id}>`) }),
  });
  return success({ to, messageId: headers.messageId });
}
