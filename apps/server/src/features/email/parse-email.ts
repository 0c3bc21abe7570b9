/** @module Reads a raw MIME message into the few fields the desk needs: sender, ids for threading, subject, text. */
import { createHash } from "node:crypto";
import { simpleParser } from "mailparser";

export interface InboundEmail {
  /** The Message-ID (without angle brackets); a digest of the raw source when the sender set none. */
  messageId: string;
  /** In-Reply-To then References, nearest first, de-duplicated. */
  referencedIds: string[];
  subject: string;
  from: { address: string; name: string } | null;
  text: string;
  date: Date | null;
  raw: string;
  /** Files sent with the message (inline images included), in MIME order. */
  attachments: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** `<a@b>` → `a@b`; ids compare without their brackets and surrounding space. */
export const bareMessageId = (id: string): string => id.trim().replace(/^<|>$/g, "").trim();

const idList = (value: string | string[] | undefined): string[] => {
  if (value === undefined) return [];
  const parts = Array.isArray(value) ? value : value.split(/\s+/);
  return parts.map(bareMessageId).filter((id) => id.length > 0);
};

export async function parseEmail(raw: string): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  const sender = mail.from?.value[0];
  const references = idList(mail.references).reverse();
  const referencedIds = [...new Set([...idList(mail.inReplyTo), ...references])];
  const messageId = mail.messageId
    ? bareMessageId(mail.messageId)
    : `sha256-${createHash("sha256").update(raw).digest("hex")}@keel.invalid`;
  return {
    messageId,
    referencedIds,
    subject: (mail.subject ?? "").trim(),
    from: sender?.address ? { address: sender.address, name: sender.name ?? "" } : null,
    text: (mail.text ?? "").trim(),
    date: mail.date ?? null,
    raw,
    attachments: mail.attachments.map((part, index) => ({
      filename: safeFilename(part.filename, index, part.contentType),
      contentType: part.contentType || "application/octet-stream",
      content: part.content,
    })),
  };
}

/** A name to store and offer for download: no path parts or control characters, never empty. */
function safeFilename(name: string | undefined, index: number, contentType: string): string {
  const base = (name ?? "")
    .replace(/^.*[\\/]/, "")
    .replace(/\p{Cc}/gu, "")
    .trim();
  if (base.length > 0) return base.slice(0, 255);
  const subtype = /^[a-z]+\/([a-z0-9.+-]+)$/i.exec(contentType)?.[1] ?? "bin";
  return `attachment-${index + 1}.${subtype}`;
}
