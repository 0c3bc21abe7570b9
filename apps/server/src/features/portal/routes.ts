/**
 * @module The customer portal: agents issue a signed, expiring link for one case; whoever holds it sees that case's
 * conversation (no internal notes, no coach analysis) and can reply. Rate-limited per address.
 */

import type {} from "@fastify/rate-limit";
import {
  IdempotencyHeaders,
  IdParams,
  PortalCase,
  PortalLink,
  PortalLinkBody,
  PortalParams,
  PortalReplyBody,
  PortalReplyResponse,
} from "@keel/contracts";
import {
  addContact,
  type Case,
  findCaseByPortalTokenHash,
  listContacts,
  type Message,
  updateCase,
} from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { fromDb, unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { sha256 } from "../auth/secrets.js";
import { actorOf, serverSecret } from "../auth/service.js";
import { getCase } from "../cases/service.js";
import { customerTimeline, nextExpectedUpdate, statusInWords } from "../informed/service.js";
import { inboundBatcherFor } from "../messages/inbound-batch.js";
import { listTimeline } from "../messages/service.js";
import { openPromisesForCustomer } from "../promises/service.js";
import { signPortalToken, verifyPortalToken } from "./tokens.js";

export const PORTAL_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

async function nextUpdateDto(deps: AppDeps, kase: Case) {
  const next = await nextExpectedUpdate(deps.db, kase, deps.clock.now());
  return { at: next.at?.toISOString() ?? null, basis: next.basis };
}
const DAY_MS = 86_400_000;

const toPortalMessage = (m: Message) => ({
  id: m.id,
  from: m.direction === "inbound" ? ("customer" as const) : ("agent" as const),
  body: m.body,
  createdAt: m.created_at.toISOString(),
});

export const portalRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const rateLimit = { config: { rateLimit: PORTAL_RATE_LIMIT } };

    /** The case this link opens, or 401 for a malformed, forged, expired or replaced link. */
    async function caseOfToken(token: string): Promise<Case> {
      const check = verifyPortalToken(serverSecret(deps.config), token, deps.clock.now());
      const kase = check.ok ? await findCaseByPortalTokenHash(deps.db, sha256(token)) : undefined;
      if (!check.ok || !kase || kase.id !== check.caseId) {
        throw new AppError("unauthenticated", "This link is invalid or has expired; ask for a new one.");
      }
      return kase;
    }

    app.post(
      "/cases/:id/portal-link",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["portal"],
          summary: "Issue a customer link to this case (replaces any earlier link)",
          headers: IdempotencyHeaders,
          params: IdParams,
          body: PortalLinkBody,
          response: { 201: PortalLink },
        },
      },
      async (request, reply) => {
        const kase = unwrap(await getCase(deps, request.params.id));
        const expiresAt = new Date(deps.clock.now().getTime() + request.body.days * DAY_MS);
        const token = signPortalToken(serverSecret(deps.config), kase.id, expiresAt);
        unwrap(fromDb(await updateCase(deps.db, kase.id, { portalTokenHash: sha256(token) })));
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "case",
          entityId: kase.id,
          action: "portal_link",
          after: { expiresAt: expiresAt.toISOString() },
        });
        const base = (deps.config.KEEL_PUBLIC_URL ?? "").replace(/\/$/, "");
        return reply
          .status(201)
          .send({ url: `${base}/portal/${token}`, token, expiresAt: expiresAt.toISOString() });
      },
    );

    app.get(
      "/portal/:token",
      {
        ...rateLimit,
        schema: {
          tags: ["portal"],
          summary: "The customer's view of their case",
          params: PortalParams,
          response: { 200: PortalCase },
        },
      },
      async (request) => {
        const kase = await caseOfToken(request.params.token);
        const timeline = unwrap(await listTimeline(deps, kase.id, { includeNotes: false }));
        return {
          number: kase.number,
          subject: kase.subject,
          status: kase.status,
          createdAt: kase.created_at.toISOString(),
          messages: timeline.messages.map(toPortalMessage),
          promises: await openPromisesForCustomer(deps, kase.id),
          statusText: statusInWords(kase.status),
          timeline: (await customerTimeline(deps.db, kase)).map((event) => ({
            kind: event.kind,
            at: event.at.toISOString(),
            from: event.from ?? null,
            text: event.text,
            status: event.status ?? null,
          })),
          nextUpdate: await nextUpdateDto(deps, kase),
        };
      },
    );

    app.post(
      "/portal/:token/replies",
      {
        ...rateLimit,
        schema: {
          tags: ["portal"],
          summary: "The customer replies on their case",
          headers: IdempotencyHeaders,
          params: PortalParams,
          body: PortalReplyBody,
          response: { 201: PortalReplyResponse },
        },
      },
      async (request, reply) => {
        const kase = await caseOfToken(request.params.token);
        const [known] = await listContacts(deps.db, kase.customer_id);
        // A customer without any contact gets one for the portal, so the reply is attributed to them.
        const contact =
          known ??
          unwrap(
            fromDb(
              await addContact(deps.db, {
                customerId: kase.customer_id,
                kind: "external_id",
                value: `portal:${kase.customer_id}`,
              }),
            ),
          );
        const added = unwrap(
          await inboundBatcherFor(deps.db).submit(deps, {
            caseId: kase.id,
            contact: { kind: contact.kind, value: contact.value },
            body: request.body.body,
            channel: "web",
          }),
        );
        return reply.status(201).send({ message: toPortalMessage(added.message) });
      },
    );
  };
