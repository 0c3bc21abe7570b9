/**
 * @module /api/v1/reflections: an agent's own reflection cards (notes, share/unshare); supervisors and admins
 * list only the cards that were shared with them.
 */
import {
  IdParams,
  Reflection,
  ReflectionList,
  ReflectionPatch,
  ReflectionQuery,
  Uuid,
} from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import {
  myReflections,
  readReflection,
  setNotes,
  setShared,
  sharedReflections,
  toReflectionDto,
} from "./service.js";

const tags = ["reflections"];

export const reflectionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/reflections",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "My reflection cards, newest first (private unless I share them)",
          querystring: ReflectionQuery,
          response: { 200: ReflectionList },
        },
      },
      async (request) => ({
        reflections: (await myReflections(deps, principalOf(request).agent, request.query)).map(
          toReflectionDto,
        ),
      }),
    );

    app.get(
      "/reflections/shared",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Reflection cards agents chose to share (supervisor)",
          querystring: ReflectionQuery.extend({ agent: Uuid.optional() }),
          response: { 200: ReflectionList },
        },
      },
      async (request) => {
        const { agent, ...page } = request.query;
        const cards = await sharedReflections(deps, agent === undefined ? page : { ...page, agentId: agent });
        return { reflections: cards.map(toReflectionDto) };
      },
    );

    app.get(
      "/reflections/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "One reflection card (mine, or a shared one)",
          params: IdParams,
          response: { 200: Reflection },
        },
      },
      async (request) =>
        toReflectionDto(unwrap(await readReflection(deps, principalOf(request).agent, request.params.id))),
    );

    app.patch(
      "/reflections/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Write my notes on a card",
          params: IdParams,
          body: ReflectionPatch,
          response: { 200: Reflection },
        },
      },
      async (request) =>
        toReflectionDto(
          unwrap(await setNotes(deps, principalOf(request).agent, request.params.id, request.body.notes)),
        ),
    );

    for (const [path, shared] of [
      ["/reflections/:id/share", true],
      ["/reflections/:id/unshare", false],
    ] as const) {
      app.post(
        path,
        {
          onRequest: guard.agent,
          schema: {
            tags,
            summary: shared ? "Share my card with supervisors" : "Make my card private again",
            params: IdParams,
            response: { 200: Reflection },
          },
        },
        async (request) => {
          const principal = principalOf(request);
          return toReflectionDto(
            unwrap(await setShared(deps, principal.agent, request.params.id, shared, actorOf(principal))),
          );
        },
      );
    }
  };
