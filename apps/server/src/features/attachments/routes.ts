/**
 * @module /api/v1/messages/:id/attachments and /api/v1/attachments/:id: files on a message. Uploads are either JSON
 * with base64 content or `multipart/form-data` streamed to disk; either way refused above MAX_ATTACHMENT_BYTES (413).
 */
import multipart from "@fastify/multipart";
import { Attachment, AttachmentList, IdempotencyHeaders, IdParams, NewAttachmentBody } from "@keel/contracts";
import {
  type AttachmentInfo,
  getAttachment,
  getMessage,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
} from "@keel/db";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { failure, fromDb, type Result, unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { uploadDocsTransform } from "./openapi.js";
import { readAttachmentBytes, storeAttachment } from "./service.js";

const tags = ["attachments"];
/** base64 grows bytes by 4/3; leave room for the JSON around it. */
const UPLOAD_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

const toAttachmentDto = (a: AttachmentInfo) => ({
  id: a.id,
  messageId: a.message_id,
  filename: a.filename,
  contentType: a.content_type,
  sizeBytes: a.size_bytes,
  createdAt: a.created_at.toISOString(),
});

export const attachmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    // One file per request; the byte limit itself is enforced while the file is written (see file-store.ts),
    // busboy's one byte above it only stops reading early.
    await app.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });

    /** The file of a multipart upload, stored; a malformed form is the client's mistake. */
    async function storeMultipart(
      request: FastifyRequest,
      messageId: string,
    ): Promise<Result<AttachmentInfo>> {
      let part: Awaited<ReturnType<FastifyRequest["file"]>>;
      try {
        part = await request.file();
      } catch (error) {
        return failure(
          "bad_request",
          `body: is not a readable multipart/form-data upload (${(error as Error).message})`,
          "body",
        );
      }
      if (!part)
        return failure(
          "validation_failed",
          "body.file: send the file as a form field named file",
          "body.file",
        );
      return storeAttachment(
        deps,
        { messageId, filename: part.filename, declaredType: part.mimetype, content: part.file },
        "body.file",
      );
    }

    app.get(
      "/messages/:id/attachments",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "A message's attachments",
          params: IdParams,
          response: { 200: AttachmentList },
        },
      },
      async (request) => {
        unwrap(fromDb(await getMessage(deps.db, request.params.id)));
        return { attachments: (await listAttachments(deps.db, request.params.id)).map(toAttachmentDto) };
      },
    );

    app.post(
      "/messages/:id/attachments",
      {
        onRequest: guard.agent,
        bodyLimit: UPLOAD_BODY_LIMIT,
        config: { swaggerTransform: uploadDocsTransform },
        schema: {
          tags,
          summary: `Attach a file (multipart/form-data or base64 JSON, at most ${MAX_ATTACHMENT_BYTES} bytes)`,
          headers: IdempotencyHeaders,
          params: IdParams,
          // Nullish only so a multipart request (whose parts the handler reads) passes validation.
          body: NewAttachmentBody.nullish(),
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        const messageId = request.params.id;
        const multipartUpload = request.isMultipart();
        // This handler reads a multipart body itself; when it answers early (unknown message, file too large) the
        // rest of the upload stays unread, so the connection is closed after the answer rather than kept alive.
        if (multipartUpload) reply.header("connection", "close");
        unwrap(fromDb(await getMessage(deps.db, messageId)));
        let added: Result<AttachmentInfo>;
        if (multipartUpload) {
          added = await storeMultipart(request, messageId);
        } else if (request.body) {
          added = await storeAttachment(
            deps,
            {
              messageId,
              filename: request.body.filename,
              declaredType: request.body.contentType,
              content: Buffer.from(request.body.contentBase64, "base64"),
            },
            "body.contentBase64",
          );
        } else {
          throw new AppError(
            "validation_failed",
            "body: send the file as multipart/form-data (field file) or as JSON with filename, contentType and contentBase64",
            "body",
          );
        }
        const attachment = unwrap(added);
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "attachment",
          entityId: attachment.id,
          action: "create",
          after: toAttachmentDto(attachment),
        });
        if (multipartUpload) reply.removeHeader("connection");
        return reply.status(201).send(toAttachmentDto(attachment));
      },
    );

    app.get(
      "/attachments/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Download an attachment",
          params: IdParams,
        },
      },
      async (request, reply) => {
        const attachment = unwrap(fromDb(await getAttachment(deps.db, request.params.id)));
        const bytes = unwrap(await readAttachmentBytes(deps, attachment));
        const safeName = attachment.filename.replace(/[^\w.\- ]/g, "_");
        reply
          .type(attachment.content_type)
          .header("content-disposition", `attachment; filename="${safeName}"`)
          .header("x-content-type-options", "nosniff");
        if (bytes.kind === "buffer") return reply.send(bytes.content);
        return reply.header("content-length", String(bytes.size)).send(bytes.stream);
      },
    );
  };
