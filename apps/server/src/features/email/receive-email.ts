/**
 * @module An inbound email becomes a message: threaded onto its case (or opening one), de-duplicated by
 * Message-ID, raw source kept. Returns only after the message is committed, so callers may acknowledge then.
 */
import { failure, type Result } from "../../service-result.js";
import type { CoreDeps } from "../cases/service.js";
import { addInboundMessage, type InboundMessageResult } from "../messages/service.js";
import { type InboundEmail, parseEmail } from "./parse-email.js";
import { cleanSubject, findThreadCase } from "./threading.js";

/** Largest raw message kept (the SMTP receiver refuses bigger ones before reading them). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

export async function receiveEmail(deps: CoreDeps, raw: string): Promise<Result<InboundMessageResult>> {
  let email: InboundEmail;
  try {
    email = await parseEmail(raw);
  } catch (error) {
    return failure("unprocessable", `unreadable message: ${(error as Error).message}`);
  }
  return receiveParsedEmail(deps, email);
}

export async function receiveParsedEmail(
  deps: CoreDeps,
  email: InboundEmail,
): Promise<Result<InboundMessageResult>> {
  if (!email.from) return failure("unprocessable", "the message has no sender address", "from");
  const caseId = await findThreadCase(deps.db, email);
  const body = email.text.length > 0 ? email.text : "(empty message)";
  return addInboundMessage(deps, {
    ...(caseId === undefined ? { newCase: { subject: cleanSubject(email.subject) } } : { caseId }),
    contact: { kind: "email", value: email.from.address, name: email.from.name },
    body,
    channel: "email",
    rawSource: email.raw,
    externalMessageId: email.messageId,
  });
}
