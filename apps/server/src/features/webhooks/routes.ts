/** @module /api/v1/webhooks (admin): register a URL for events, list and remove them. The secret is shown once. */
import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { requireRole } from "../auth/guard.js";
import { readSetting } from "../settings/service.js";
import { webhooksSetting } from "./settings.js";
import { createWebhook, deleteWebhook, listWebhooks, WEBHOOK_EVENTS, type Webhook } from "./store.js";
import { checkWebhookTarget } from "./target.js";

const NewWebhook = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
  /** Leave out to have one generated. */
  secret: z.string().min(16).max(200).optional(),
});

const WebhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  created_at: z.string(),
});

const view = (hook: Webhook) => ({
  id: hook.id,
  url: hook.url,
  events: hook.events,
  active: hook.active,
  created_at: hook.created_at.toISOString(),
});

export const webhookRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const admin = requireRole(deps, "admin");

    app.post(
      "/webhooks",
      {
        onRequest: admin,
        schema: {
          tags: ["webhooks"],
          summary: "Subscribe a URL to case events (admin); the signing secret is shown once",
          body: NewWebhook,
          response: { 201: WebhookView.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) => {
        const { allowPrivateAddresses } = await readSetting(deps.db, webhooksSetting);
        const target = await checkWebhookTarget(request.body.url, allowPrivateAddresses);
        if (!target.ok) throw new AppError("validation_failed", `body.url: ${target.reason}`, "body.url");
        const hook = await createWebhook(deps.db, {
          url: request.body.url,
          events: request.body.events,
          ...(request.body.secret === undefined ? {} : { secret: request.body.secret }),
        });
        return reply.status(201).send({ ...view(hook), secret: hook.secret });
      },
    );

    app.get(
      "/webhooks",
      {
        onRequest: admin,
        schema: {
          tags: ["webhooks"],
          summary: "Webhook subscriptions (admin)",
          response: { 200: z.object({ webhooks: z.array(WebhookView) }) },
        },
      },
      async () => ({ webhooks: (await listWebhooks(deps.db)).map(view) }),
    );

    app.delete(
      "/webhooks/:id",
      {
        onRequest: admin,
        schema: {
          tags: ["webhooks"],
          summary: "Remove a webhook subscription (admin)",
          params: z.object({ id: z.string() }),
        },
      },
      async (request, reply) => {
        if (!(await deleteWebhook(deps.db, request.params.id))) {
          throw new AppError("not_found", `webhook ${request.params.id} not found`);
        }
        return reply.status(204).send();
      },
    );
  };
