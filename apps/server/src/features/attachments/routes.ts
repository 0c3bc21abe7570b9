/**
 * @module /api/v1/messages/:id/attachments and /api/v1/attachments/:id: files on a message, kept in the database
 * and refused above MAX_ATTACHMENT_BYTES (413). Uploads are JSON with base64 content, so one schema validates them.
 */
import { Attachment, AttachmentList, IdempotencyHeaders, IdParams, NewAttachmentBody } from "@keel/contracts";
import {
  type AttachmentInfo,
  addAttachment,
  getAttachment,
  getMessage,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
} from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { failure, fromDb, unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";

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
        schema: {
          tags,
          summary: `Attach a file (base64, at most ${MAX_ATTACHMENT_BYTES} bytes)`,
          headers: IdempotencyHeaders,
          params: IdParams,
          body: NewAttachmentBody,
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        unwrap(fromDb(await getMessage(deps.db, request.params.id)));
        const content = Buffer.from(request.body.contentBase64, "base64");
        if (content.length > MAX_ATTACHMENT_BYTES) {
          unwrap(
            failure(
              "payload_too_large",
              `The file is ${content.length} bytes; the limit is ${MAX_ATTACHMENT_BYTES}.`,
              "body.contentBase64",
            ),
          );
        }
        const added = unwrap(
          fromDb(
            await addAttachment(deps.db, {
              messageId: request.params.id,
              filename: request.body.filename,
              contentType: request.body.contentType,
              content,
            }),
            "body",
          ),
        );
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "attachment",
          entityId: added.id,
          action: "create",
          after: toAttachmentDto(added),
        });
        return reply.status(201).send(toAttachmentDto(added));
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
        if (attachment.content === null)
          unwrap(failure("not_found", "This attachment's file is not stored in the database."));
        const safeName = attachment.filename.replace(/[^\w.\- ]/g, "_");
        return reply
          .type(attachment.content_type)
          .header("content-disposition", `attachment; filename="${safeName}"`)
          .header("x-content-type-options", "nosniff")
          .send(attachment.content);
      },
    );
  };
