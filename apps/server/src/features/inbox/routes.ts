/** @module /api/v1/inbox: the agent's queue ranked by what needs attention, with filters and search. */
import { InboxList, InboxQuery } from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { guards, principalOf } from "../auth/guard.js";
import { listInbox } from "./service.js";

export const inboxRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    app.get(
      "/inbox",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["cases"],
          summary: "The inbox: cases ranked by what needs attention, each with the reasons",
          querystring: InboxQuery,
          response: { 200: InboxList },
        },
      },
      async (request) => listInbox(deps, { ...request.query, me: principalOf(request).agent.id }),
    );
  };
