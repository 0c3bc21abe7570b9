/**
 * @module POST /api/v1/public/contact: the customer contact form. No sign-in; rate-limited per address across all
 * servers; spam is answered like a success (so bots learn nothing) but not stored.
 */
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { unwrap } from "../../service-result.js";
import { inboundBatcherFor } from "../messages/inbound-batch.js";
import { allowFormSubmission, FORM_LIMIT } from "./rate-limiter.js";
import { spamVerdict } from "./spam-check.js";

const ContactForm = z.object({
  name: z.string().trim().max(200).default(""),
  email: z.email().max(320),
  subject: z.string().trim().max(300).optional(),
  message: z.string().trim().min(1).max(20_000),
  /** Honeypot: hidden in the page, left empty by people. */
  website: z.string().max(2000).optional(),
  /** When the page was rendered (ISO time or epoch ms), for the minimum fill time. */
  started_at: z.union([z.iso.datetime(), z.number().int().positive()]).optional(),
});

const Received = z.object({ status: z.literal("received"), case_number: z.number().nullable() });

export { FORM_LIMIT };

export const webformRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post(
      "/public/contact",
      {
        schema: {
          tags: ["public"],
          summary: "The public contact form: opens a case (spam-checked, rate-limited)",
          body: ContactForm,
          response: { 202: Received },
        },
      },
      async (request, reply) => {
        const allowance = await allowFormSubmission(deps.db, request.ip, deps.clock.now());
        if (!allowance.allowed) {
          reply.header("retry-after", String(allowance.retryAfterSeconds));
          throw new AppError(
            "rate_limited",
            `Too many messages from this address; try again in ${allowance.retryAfterSeconds} seconds.`,
          );
        }
        const form = request.body;
        const verdict = spamVerdict(
          {
            message: form.message,
            honeypot: form.website,
            startedAt: form.started_at === undefined ? undefined : new Date(form.started_at),
          },
          deps.clock.now(),
        );
        if (verdict.spam) {
          request.log.info({ reason: verdict.reason }, "contact form submission dropped as spam");
          return reply.status(202).send({ status: "received" as const, case_number: null });
        }
        const stored = unwrap(
          await inboundBatcherFor(deps.db).submit(deps, {
            newCase: { subject: form.subject || form.message.slice(0, 80).replace(/\s+/g, " ") },
            contact: { kind: "email", value: form.email, name: form.name },
            body: form.message,
            channel: "web",
          }),
        );
        return reply.status(202).send({ status: "received" as const, case_number: stored.case.number });
      },
    );
  };
