/** @module Which case an email belongs to: the messages it replies to first, then a `[#1042]` token in its subject. */
import { type Database, findMessagesByExternalId, getCaseByNumber, getMessage } from "@keel/db";
import type { Kysely } from "kysely";
import type { InboundEmail } from "./parse-email.js";
import { messageIdFromOwnId } from "./reply-headers.js";

const CASE_TOKEN = /\[#(\d{1,9})\]/;

/** The case number in a subject like `Re: Broken heater [#1042]`, if any. */
export function caseNumberInSubject(subject: string): number | undefined {
  const match = CASE_TOKEN.exec(subject);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `Re: Broken heater [#1042]` → `Broken heater`: the subject a new case would take. */
export function cleanSubject(subject: string): string {
  const cleaned = subject
    .replace(CASE_TOKEN, "")
    .replace(/^\s*((re|fwd?|aw|sv|antw)\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > 0 ? cleaned.slice(0, 300) : "(no subject)";
}

/** Adds the case token to a subject unless it already carries it. */
export function subjectWithToken(subject: string, caseNumber: number): string {
  return caseNumberInSubject(subject) === caseNumber ? subject : `${subject} [#${caseNumber}]`;
}

/**
 * The case an email continues, or undefined for a new conversation. Headers win over the subject token: a
 * customer may quote another case's number, but their mail client's In-Reply-To is not a guess.
 */
export async function findThreadCase(db: Kysely<Database>, email: InboundEmail): Promise<string | undefined> {
  for (const id of email.referencedIds) {
    const [known] = await findMessagesByExternalId(db, id);
    if (known) return known.case_id;
    const own = messageIdFromOwnId(id);
    if (own !== undefined) {
      const reply = await getMessage(db, own);
      if (reply.ok) return reply.value.case_id;
    }
  }
  const number = caseNumberInSubject(email.subject);
  if (number === undefined) return undefined;
  const kase = await getCaseByNumber(db, number);
  if (!kase.ok || !email.from) return undefined;
  // A number is easy to guess: only the case's own customer may continue it by subject alone.
  const sender = await db
    .selectFrom("contacts")
    .select("id")
    .where("kind", "=", "email")
    .where("value", "=", email.from.address.trim().toLowerCase())
    .where("customer_id", "=", kase.value.customer_id)
    .executeTakeFirst();
  return sender ? kase.value.id : undefined;
}
