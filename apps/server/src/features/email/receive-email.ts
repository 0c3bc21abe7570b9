/**
 * @module An inbound email becomes a message: threaded onto its case (or opening one), de-duplicated by
 * Message-ID, raw source kept. Returns only after the message is committed, so callers may acknowledge then.
 */

import { MAX_ATTACHMENT_BYTES } from "@keel/db";
import { failure, type Result } from "../../service-result.js";
import type { CoreDeps } from "../cases/service.js";
import { inboundBatcherFor } from "../messages/inbound-batch.js";
import { addNote, type InboundMessageResult } from "../messages/service.js";
import { type InboundEmail, parseEmail } from "./parse-email.js";
import { storeEmailAttachments } from "./store-attachments.js";
import { cleanSubject, findThreadCase } from "./threading.js";

/** Largest raw message kept (the SMTP receiver refuses bigger ones before reading them). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

export interface ReceiveOptions {
  /** Largest attachment kept (the storage limit by default). */
  maxAttachmentBytes?: number;
}

export async function receiveEmail(
  deps: CoreDeps,
  raw: string,
  options: ReceiveOptions = {},
): Promise<Result<InboundMessageResult>> {
  let email: InboundEmail;
  try {
    email = await parseEmail(raw);
  } catch (error) {
    return failure("unprocessable", `unreadable message: ${(error as Error).message}`);
  }
  return receiveParsedEmail(deps, email, options);
}

export async function receiveParsedEmail(
  deps: CoreDeps,
  email: InboundEmail,
  options: ReceiveOptions = {},
): Promise<Result<InboundMessageResult>> {
  if (!email.from) return failure("unprocessable", "the message has no sender address", "from");
  const caseId = await findThreadCase(deps.db, email);
  const body = email.text.length > 0 ? email.text : "(empty message)";
  const added = await inboundBatcherFor(deps.db).submit(deps, {
    ...(caseId === undefined ? { newCase: { subject: cleanSubject(email.subject) } } : { caseId }),
    contact: { kind: "email", value: email.from.address, name: email.from.name },
    body,
    channel: "email",
    rawSource: email.raw,
    externalMessageId: email.messageId,
  });
  if (!added.ok || email.attachments.length === 0) return added;
  const limit = options.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES;
  const files = await storeEmailAttachments(deps.db, added.value.message.id, email.attachments, limit);
  if (files.tooLarge.length > 0 && added.value.created) {
    const names = files.tooLarge.map((f) => `${f.filename} (${megabytes(f.sizeBytes)})`).join(", ");
    await addNote(deps, {
      caseId: added.value.case.id,
      authorAgentId: null,
      body: `The customer's email had files over the ${megabytes(limit)} limit, which were not kept: ${names}. Ask for them another way if they matter.`,
    });
  }
  return added;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
