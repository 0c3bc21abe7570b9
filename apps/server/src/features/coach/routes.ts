/**
 * @module /api/v1/coach: `reply` runs the coach on a draft server-side (for integrations); `rewrite` asks the
 * optional language model for a better draft and answers 503 with the reason when none is configured.
 */
import { coachReply } from "@keel/coach";
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { toJson, unwrap } from "../../service-result.js";
import { requireRole } from "../auth/guard.js";
import { type LlmSettings, readLlmSettings, rewriteDraft } from "../llm/rewrite-client.js";

const Draft = z.object({
  draft: z.string().min(1).max(20_000),
  customer_message: z.string().max(20_000).optional(),
  thread: z
    .array(z.object({ role: z.enum(["customer", "agent"]), text: z.string().max(20_000) }))
    .max(200)
    .default([]),
});

export const coachRoutes =
  (deps: AppDeps, llm: LlmSettings | undefined = readLlmSettings()): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const agent = requireRole(deps, "agent");
    const coach = (body: z.infer<typeof Draft>) =>
      coachReply(body.draft, body.customer_message ?? null, body.thread, {
        referenceDate: deps.clock.now().toISOString().slice(0, 10),
      });

    app.post(
      "/coach/reply",
      {
        onRequest: agent,
        schema: {
          tags: ["coach"],
          summary: "Coach a draft reply: flags with spans and rewrites, against the customer's message",
          body: Draft,
        },
      },
      async (request) => ({
        coaching: toJson(coach(request.body)),
      }),
    );

    app.post(
      "/coach/rewrite",
      {
        onRequest: agent,
        schema: {
          tags: ["coach"],
          summary: "Rewrite a draft with the configured language model (503 when KEEL_LLM_URL is not set)",
          body: Draft,
        },
      },
      async (request) => {
        if (!llm) {
          throw new AppError(
            "unavailable",
            "Rewriting needs a language model: set KEEL_LLM_URL (an OpenAI-compatible endpoint) and KEEL_LLM_MODEL. The coach works without it.",
          );
        }
        const rewritten = unwrap(
          await rewriteDraft(llm, {
            draft: request.body.draft,
            customerMessage: request.body.customer_message,
            fixes: coach(request.body).fixes,
          }),
        );
        return {
          rewrite: rewritten.text,
          model: rewritten.model,
          coaching: toJson(coach({ ...request.body, draft: rewritten.text })),
        };
      },
    );
  };
