/** @module /api/v1/cases/:id/messages: the timeline, and new replies, notes or inbound messages (coach-analysed). */
import {
  CreatedMessage,
  ErrorBody,
  IdempotencyHeaders,
  IdParams,
  MessageList,
  NewMessageBody,
  OverpromiseConflict,
} from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { completeIdempotencyWithin } from "../../http/idempotency.js";
import { failure, type Result, unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { toCaseDto } from "../cases/dto.js";
import { findOverpromise, recordOverpromiseConfirmation } from "../promises/overpromise.js";
import { maskedForViewer } from "../wellbeing/service.js";
import { toMessageDto } from "./dto.js";
import { inboundBatcherFor } from "./inbound-batch.js";
import { addNote, addOutboundMessage, listTimeline } from "./service.js";

const tags = ["messages"];

export const messageRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/cases/:id/messages",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "A case's messages, oldest first, with the coach's analysis",
          params: IdParams,
          response: { 200: MessageList },
        },
      },
      async (request) => {
        const viewer = principalOf(request).agent;
        const { messages } = unwrap(await listTimeline(deps, request.params.id));
        return { messages: messages.map((m) => maskedForViewer(viewer, toMessageDto(m))) };
      },
    );

    app.post(
      "/cases/:id/messages",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary:
            "Add a reply (coached), an internal note, or a customer message received elsewhere (analysed)",
          headers: IdempotencyHeaders,
          params: IdParams,
          body: NewMessageBody,
          // 409 is also the answer to a busy or reused Idempotency-Key (the common error body).
          response: {
            201: CreatedMessage,
            200: CreatedMessage,
            409: z.union([OverpromiseConflict, ErrorBody]),
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const actor = actorOf(principal);
        const caseId = request.params.id;
        const body = request.body;
        type Stored = {
          case: Parameters<typeof toCaseDto>[0];
          message: Parameters<typeof toMessageDto>[0];
          created: boolean;
        };
        const answerFor = (stored: Stored) => ({
          status: stored.created ? (201 as const) : (200 as const),
          body: {
            message: maskedForViewer(principal.agent, toMessageDto(stored.message)),
            case: toCaseDto(stored.case),
            created: stored.created,
          },
        });
        // With an Idempotency-Key the answer is built inside the transaction; the reply reuses it.
        let answered: { stored: Stored; answer: ReturnType<typeof answerFor> } | undefined;
        const respond = (stored: Stored) => {
          if (answered?.stored !== stored) answered = { stored, answer: answerFor(stored) };
          return answered.answer;
        };
        // The Idempotency-Key's response commits with the message, so a crash cannot separate them.
        const inTransaction = completeIdempotencyWithin(request, respond);
        const within = inTransaction === undefined ? {} : { inTransaction };
        let result: Result<Stored>;
        if (body.direction === "outbound") {
          // An over-promise is sent only when confirmed; the confirmation goes to the audit log.
          const overpromise = body.confirmOverpromise
            ? null
            : await findOverpromise(deps.db, caseId, body.body, deps.clock.now());
          if (overpromise)
            return reply.status(409).send({
              error: {
                code: "overpromise_unconfirmed",
                message:
                  "The reply promises more than we can guarantee. Reword it, or send it again with confirmOverpromise: true.",
                ...overpromise,
              },
            });
          result = await addOutboundMessage(
            deps,
            { caseId, authorAgentId: principal.agent.id, body: body.body, channel: body.channel },
            actor,
            within,
          );
          if (result.ok && result.value.created && body.confirmOverpromise)
            await recordOverpromiseConfirmation(deps.db, result.value.message, actor);
        } else if (body.direction === "note") {
          result = await addNote(
            deps,
            { caseId, authorAgentId: principal.agent.id, body: body.body },
            actor,
            within,
          );
        } else {
          const inbound = await inboundBatcherFor(deps.db).submit(
            deps,
            {
              caseId,
              contact: {
                kind: body.contact.kind,
                value: body.contact.value,
                ...(body.contact.name === undefined ? {} : { name: body.contact.name }),
              },
              body: body.body,
              channel: body.channel,
              externalMessageId: body.externalMessageId ?? null,
            },
            within,
          );
          result = inbound;
          if (!inbound.ok && inbound.error.code === "unprocessable")
            result = failure("validation_failed", inbound.error.message, "body.contact.value");
        }
        const value = unwrap(result);
        // Already answered for the key inside the transaction.
        if (inTransaction !== undefined) request.idempotency = null;
        const { status, body: answer } = respond(value);
        return reply.status(status).send(answer);
      },
    );
  };
