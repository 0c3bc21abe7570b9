/** @module Threading headers for a reply: our own Message-ID, In-Reply-To the customer's last mail, References, token. */
import type { Case, Message } from "@keel/db";
import { subjectWithToken } from "./threading.js";

const UUID = /^keel\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;

/** The Message-ID Keel gives a message it sends: derived from the message id, so no write is needed. */
export const outboundMessageId = (messageId: string, domain: string): string => `keel.${messageId}@${domain}`;

/** The message id inside a Message-ID Keel generated, if it is one. */
export function messageIdFromOwnId(externalId: string): string | undefined {
  return UUID.exec(externalId)?.[1]?.toLowerCase();
}

export interface ReplyHeaders {
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  subject: string;
}

/** Headers for `reply` in `thread` (oldest first): mail clients then file it under the customer's conversation. */
export function replyHeaders(
  kase: Case,
  thread: readonly Message[],
  reply: Message,
  domain: string,
): ReplyHeaders {
  const ids = thread
    .filter((m) => m.id !== reply.id && m.direction !== "note" && m.created_at <= reply.created_at)
    .map((m) =>
      m.direction === "outbound" ? outboundMessageId(m.id, domain) : (m.external_message_id ?? undefined),
    )
    .filter((id): id is string => id !== undefined);
  const lastInbound = [...thread].reverse().find((m) => m.direction === "inbound" && m.external_message_id);
  const base = kase.subject.replace(/^\s*re\s*:\s*/i, "");
  return {
    messageId: outboundMessageId(reply.id, domain),
    inReplyTo: lastInbound?.external_message_id ?? undefined,
    // Long threads: the first and the latest ids are what clients use (RFC 5322 suggests trimming the middle).
    references: ids.length > 20 ? [...ids.slice(0, 1), ...ids.slice(-19)] : ids,
    subject: subjectWithToken(`Re: ${base}`, kase.number),
  };
}
