/** @module Attachments of a message: small files kept in the row, larger ones on disk; both size-limited. */
import type { Kysely } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import { type Attachment, type Database, MAX_ATTACHMENT_BYTES } from "../schema.js";

export type NewAttachment = {
  messageId: string;
  filename: string;
  contentType: string;
} & ({ content: Buffer } | { diskPath: string; sizeBytes: number });

/** Attachment metadata without the bytes, for listings. */
export type AttachmentInfo = Omit<Attachment, "content">;

export async function addAttachment(
  db: Kysely<Database>,
  input: NewAttachment,
): Promise<DbResult<AttachmentInfo>> {
  const size = "content" in input ? input.content.length : input.sizeBytes;
  if (size > MAX_ATTACHMENT_BYTES) {
    return fail("too_large", `${input.filename} is ${size} bytes; the limit is ${MAX_ATTACHMENT_BYTES}`);
  }
  if (!Number.isInteger(size) || size < 0) return fail("invalid", `${input.filename} has an invalid size`);
  return guarded(`attachment ${input.filename}`, async () =>
    ok(
      await db
        .insertInto("attachments")
        .values({
          message_id: input.messageId,
          filename: input.filename,
          content_type: input.contentType,
          size_bytes: size,
          content: "content" in input ? input.content : null,
          disk_path: "content" in input ? null : input.diskPath,
        })
        .returning(["id", "message_id", "filename", "content_type", "size_bytes", "disk_path", "created_at"])
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** The attachment with its bytes (null content means: read `disk_path`). */
export async function getAttachment(db: Kysely<Database>, id: string): Promise<DbResult<Attachment>> {
  if (!isUuid(id)) return notFound("attachment", id);
  return found(
    await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst(),
    "attachment",
    id,
  );
}

export async function listAttachments(db: Kysely<Database>, messageId: string): Promise<AttachmentInfo[]> {
  return db
    .selectFrom("attachments")
    .select(["id", "message_id", "filename", "content_type", "size_bytes", "disk_path", "created_at"])
    .where("message_id", "=", messageId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function deleteAttachment(db: Kysely<Database>, id: string): Promise<DbResult<{ id: string }>> {
  if (!isUuid(id)) return notFound("attachment", id);
  return found(
    await db.deleteFrom("attachments").where("id", "=", id).returning("id").executeTakeFirst(),
    "attachment",
    id,
  );
}
