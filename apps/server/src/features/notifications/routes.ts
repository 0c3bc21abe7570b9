/** @module /api/v1/notifications: an agent's reminders and their role's alerts, newest first. */
import { IdParams, NotificationList, NotificationQuery } from "@keel/contracts";
import { type AgentNotification, listNotificationsFor, markNotificationRead } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { guards, principalOf } from "../auth/guard.js";

const tags = ["notifications"];

const toDto = (n: AgentNotification) => ({
  id: n.id,
  kind: n.kind,
  caseId: n.case_id,
  title: n.title,
  body: n.body,
  data: n.data,
  to: n.role ?? ("me" as const),
  read: n.read,
  createdAt: n.created_at.toISOString(),
});

export const notificationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/notifications",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Your notifications and your role's, newest first",
          querystring: NotificationQuery,
          response: { 200: NotificationList },
        },
      },
      async (request) => {
        const { agent } = principalOf(request);
        const query = request.query;
        const notifications = await listNotificationsFor(deps.db, agent, {
          unreadOnly: query.unread === "true",
          limit: query.limit,
          ...(query.kind === undefined ? {} : { kind: query.kind }),
        });
        const unread = (await listNotificationsFor(deps.db, agent, { unreadOnly: true, limit: 1000 })).length;
        return { notifications: notifications.map(toDto), unread };
      },
    );

    app.post(
      "/notifications/:id/read",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Mark a notification read (for you)",
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const marked = await markNotificationRead(
          deps.db,
          principalOf(request).agent,
          request.params.id,
          deps.clock.now(),
        );
        if (!marked) throw new AppError("not_found", `notification ${request.params.id} not found`);
        return reply.status(204).send(null);
      },
    );
  };
