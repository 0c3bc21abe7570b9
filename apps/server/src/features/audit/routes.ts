/** @module /api/v1/audit and /api/v1/cases/:id/audit: the change history (supervisors see everything). */
import { AuditList, AuditQuery, ErrorBody, IdParams } from "@keel/contracts";
import { type AuditEntry, getCase, listAuditFor, listRecentAudit } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { fromDb, unwrap } from "../../service-result.js";
import { guards } from "../auth/guard.js";

const tags = ["audit"];

const toAuditDto = (entry: AuditEntry) => ({
  id: entry.id,
  actorKind: entry.actor_kind,
  actorId: entry.actor_id,
  entity: entry.entity,
  entityId: entry.entity_id,
  action: entry.action,
  before: entry.before,
  after: entry.after,
  at: entry.at.toISOString(),
});

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/audit",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Latest changes, newest first (supervisor)",
          querystring: AuditQuery,
          response: { 200: AuditList, 404: ErrorBody },
        },
      },
      async (request) => {
        const page = {
          limit: request.query.limit,
          ...(request.query.before === undefined ? {} : { before: new Date(request.query.before) }),
          ...(request.query.beforeId === undefined ? {} : { beforeId: request.query.beforeId }),
        };
        const entries = unwrap(fromDb(await listRecentAudit(deps.db, page), "querystring.beforeId"));
        return { entries: entries.map(toAuditDto) };
      },
    );

    app.get(
      "/cases/:id/audit",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "A case's history, oldest first",
          params: IdParams,
          response: { 200: AuditList, 404: ErrorBody },
        },
      },
      async (request) => {
        // An unknown case is a 404, not an empty history.
        unwrap(fromDb(await getCase(deps.db, request.params.id)));
        return { entries: (await listAuditFor(deps.db, "case", request.params.id)).map(toAuditDto) };
      },
    );
  };
