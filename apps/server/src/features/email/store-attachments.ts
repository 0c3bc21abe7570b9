/**
 * @module An inbound email's files, stored with its message. Runs after the message commits and before the SMTP
 * answer: if Keel stops in between, the sender retries, the message is found by its Message-ID and the files still
 * missing are stored then — so an acknowledged email always has its attachments.
 */
import { addAttachment, type Database, listAttachments, MAX_ATTACHMENT_BYTES } from "@keel/db";
import type { Kysely } from "kysely";
import type { EmailAttachment } from "./parse-email.js";

export interface StoredAttachments {
  stored: string[];
  /** Files over the size limit, kept out; the agent sees them named in a note. */
  tooLarge: Array<{ filename: string; sizeBytes: number }>;
}

export async function storeEmailAttachments(
  db: Kysely<Database>,
  messageId: string,
  attachments: readonly EmailAttachment[],
  limitBytes: number = MAX_ATTACHMENT_BYTES,
): Promise<StoredAttachments> {
  const result: StoredAttachments = { stored: [], tooLarge: [] };
  if (attachments.length === 0) return result;
  const present = new Set(
    (await listAttachments(db, messageId)).map((a) => `${a.filename}\u0000${a.size_bytes}`),
  );
  for (const file of attachments) {
    if (file.content.length > limitBytes) {
      result.tooLarge.push({ filename: file.filename, sizeBytes: file.content.length });
      continue;
    }
    const key = `${file.filename}\u0000${file.content.length}`;
    if (present.has(key)) continue;
    const added = await addAttachment(db, {
      messageId,
      filename: file.filename,
      contentType: file.contentType,
      content: file.content,
    });
    if (!added.ok) throw new Error(`attachment ${file.filename}: ${added.error.message}`);
    present.add(key);
    result.stored.push(added.value.id);
  }
  return result;
}
