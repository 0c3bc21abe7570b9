/**
 * @module Storing and reading attachments: names made safe, types taken from the name, small files in the row and
 * larger ones on disk, the size limit enforced while the bytes arrive, and no file left behind when a store fails.
 */
import { readFile, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import {
  type Attachment,
  type AttachmentInfo,
  addAttachment,
  type Database,
  MAX_ATTACHMENT_BYTES,
} from "@keel/db";
import type { Kysely } from "kysely";
import type { ServerConfig } from "../../config.js";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { contentTypeFor, sanitizeFilename } from "./file-names.js";
import {
  attachmentsDir,
  FileTooLargeError,
  IN_ROW_MAX_BYTES,
  keepFile,
  openStoredFile,
  receiveFile,
  removeStoredFile,
} from "./file-store.js";

export interface AttachmentDeps {
  db: Kysely<Database>;
  config: Pick<ServerConfig, "KEEL_DATA_DIR">;
}

export interface NewUpload {
  messageId: string;
  filename: string;
  /** The type the client declared; used when the name's extension says nothing. */
  declaredType: string | undefined;
  content: Buffer | Readable;
}

const tooLarge = (field: string, limit: number) =>
  failure<never>(
    "payload_too_large",
    `The file is larger than the limit of ${limit} bytes (${(limit / 1024 / 1024).toFixed(0)} MB); send a smaller file.`,
    field,
  );

/** Errors of a client that stopped sending mid-upload. */
const CLIENT_GONE = new Set(["ECONNRESET", "ERR_STREAM_PREMATURE_CLOSE", "ECONNABORTED"]);

/** Stores one file on a message; `field` names the request field at fault in a failure. */
export async function storeAttachment(
  deps: AttachmentDeps,
  upload: NewUpload,
  field: string,
  limit: number = MAX_ATTACHMENT_BYTES,
): Promise<Result<AttachmentInfo>> {
  const dir = attachmentsDir(deps.config.KEEL_DATA_DIR);
  const filename = sanitizeFilename(upload.filename);
  const meta = {
    messageId: upload.messageId,
    filename,
    contentType: contentTypeFor(filename, upload.declaredType),
  };
  if (Buffer.isBuffer(upload.content)) {
    if (upload.content.length > limit) return tooLarge(field, limit);
    if (upload.content.length <= IN_ROW_MAX_BYTES) {
      return fromDb(await addAttachment(deps.db, { ...meta, content: upload.content }), field);
    }
  }
  let received: { path: string; size: number };
  try {
    received = await receiveFile(dir, upload.content, limit);
  } catch (error) {
    if (
      error instanceof FileTooLargeError ||
      (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE"
    ) {
      return tooLarge(field, limit);
    }
    // A client that breaks off mid-upload or sends a malformed form is at fault, not the server.
    const { statusCode: status, code } = error as { statusCode?: unknown; code?: unknown };
    if ((typeof status === "number" && status >= 400 && status < 500) || CLIENT_GONE.has(String(code))) {
      return failure("bad_request", `The upload could not be read: ${(error as Error).message}`, field);
    }
    throw error;
  }
  if (received.size <= IN_ROW_MAX_BYTES) {
    const content = await readFile(received.path);
    await rm(received.path, { force: true });
    return fromDb(await addAttachment(deps.db, { ...meta, content }), field);
  }
  const diskPath = await keepFile(dir, received.path);
  const added = await addAttachment(deps.db, { ...meta, diskPath, sizeBytes: received.size }).catch(
    async (error: unknown) => {
      await removeStoredFile(dir, diskPath);
      throw error;
    },
  );
  if (!added.ok) await removeStoredFile(dir, diskPath);
  return fromDb(added, field);
}

export type AttachmentBytes =
  | { kind: "buffer"; content: Buffer }
  | { kind: "stream"; stream: Readable; size: number };

/** The attachment's bytes, from its row or its file; not_found when the file has gone missing from disk. */
export async function readAttachmentBytes(
  deps: AttachmentDeps,
  attachment: Attachment,
): Promise<Result<AttachmentBytes>> {
  if (attachment.content !== null) return success({ kind: "buffer", content: attachment.content });
  const file =
    attachment.disk_path === null
      ? undefined
      : await openStoredFile(attachmentsDir(deps.config.KEEL_DATA_DIR), attachment.disk_path);
  if (!file) {
    return failure(
      "not_found",
      `The file of attachment ${attachment.id} is missing from the server's storage.`,
    );
  }
  return success({ kind: "stream", stream: file.stream, size: file.size });
}
