/** @module /api/v1/teams: groups of agents cases are routed to; supervisors manage them. */
import { IdempotencyHeaders, IdParams, Team, TeamBody, TeamList } from "@keel/contracts";
import { createTeam, deleteTeam, getTeam, listTeams, renameTeam, type Team as StoredTeam } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { fromDb, unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";

const tags = ["teams"];
const toTeamDto = (team: StoredTeam) => ({
  id: team.id,
  name: team.name,
  createdAt: team.created_at.toISOString(),
});

export const teamRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/teams",
      { onRequest: guard.agent, schema: { tags, summary: "List teams", response: { 200: TeamList } } },
      async () => ({ teams: (await listTeams(deps.db)).map(toTeamDto) }),
    );

    app.post(
      "/teams",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Create a team (supervisor)",
          headers: IdempotencyHeaders,
          body: TeamBody,
          response: { 201: Team },
        },
      },
      async (request, reply) => {
        const team = unwrap(fromDb(await createTeam(deps.db, request.body), "name"));
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "team",
          entityId: team.id,
          action: "create",
          after: team,
        });
        return reply.status(201).send(toTeamDto(team));
      },
    );

    app.patch(
      "/teams/:id",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Rename a team (supervisor)",
          params: IdParams,
          body: TeamBody,
          response: { 200: Team },
        },
      },
      async (request) => {
        const before = unwrap(fromDb(await getTeam(deps.db, request.params.id)));
        const team = unwrap(fromDb(await renameTeam(deps.db, request.params.id, request.body.name), "name"));
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "team",
          entityId: team.id,
          action: "update",
          before,
          after: team,
        });
        return toTeamDto(team);
      },
    );

    app.delete(
      "/teams/:id",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Delete a team; its agents and cases stay, without a team",
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const before = unwrap(fromDb(await getTeam(deps.db, request.params.id)));
        unwrap(fromDb(await deleteTeam(deps.db, request.params.id)));
        await audit(deps.db, actorOf(principalOf(request)), {
          entity: "team",
          entityId: before.id,
          action: "delete",
          before,
        });
        return reply.status(204).send(null);
      },
    );
  };
