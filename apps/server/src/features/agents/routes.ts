/** @module /api/v1/agents: the desk's people; admins create and edit them, everyone can list them. */
import { Agent, AgentList, AgentPatch, IdempotencyHeaders, IdParams, NewAgentBody } from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { createAgent, getAgent, listAgents, toAgentDto, updateAgent } from "./service.js";

const tags = ["agents"];

export const agentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/agents",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "List agents",
          querystring: z.object({ team: z.uuid().optional(), role: Agent.shape.role.optional() }),
          response: { 200: AgentList },
        },
      },
      async (request) => {
        const filter = {
          ...(request.query.team === undefined ? {} : { teamId: request.query.team }),
          ...(request.query.role === undefined ? {} : { role: request.query.role }),
        };
        return { agents: (await listAgents(deps, filter)).map(toAgentDto) };
      },
    );

    app.post(
      "/agents",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "Create an agent (admin)",
          headers: IdempotencyHeaders,
          body: NewAgentBody,
          response: { 201: Agent },
        },
      },
      async (request, reply) => {
        const agent = unwrap(await createAgent(deps, request.body, actorOf(principalOf(request))));
        return reply.status(201).send(toAgentDto(agent));
      },
    );

    app.get(
      "/agents/:id",
      {
        onRequest: guard.agent,
        schema: { tags, summary: "An agent", params: IdParams, response: { 200: Agent } },
      },
      async (request) => toAgentDto(unwrap(await getAgent(deps, request.params.id))),
    );

    app.patch(
      "/agents/:id",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "Edit an agent (admin); a new password or deactivation signs them out",
          params: IdParams,
          body: AgentPatch,
          response: { 200: Agent },
        },
      },
      async (request) =>
        toAgentDto(
          unwrap(await updateAgent(deps, request.params.id, request.body, actorOf(principalOf(request)))),
        ),
    );
  };
