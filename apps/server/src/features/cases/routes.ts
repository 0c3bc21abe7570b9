/** @module /api/v1/cases: the queue, one case, edits (status, priority, owner, tags), the anger trajectory. */
import {
  AngerTrajectory,
  Case,
  CaseList,
  CaseListQuery,
  CasePatch,
  IdempotencyHeaders,
  IdParams,
  NewCaseBody,
} from "@keel/contracts";
import type { CaseFilter, Case as CaseRow } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { completeIdempotencyWithin } from "../../http/idempotency.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { angerTrajectory } from "../messages/service.js";
import { toCaseDto } from "./dto.js";
import { createCase, getCase, listCases, updateCase } from "./service.js";

const tags = ["cases"];
const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

export const caseRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/cases",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "The queue: most urgent first, then oldest",
          querystring: CaseListQuery,
          response: { 200: CaseList },
        },
      },
      async (request) => {
        const q = request.query;
        const statuses = asList(q.status);
        const priorities = asList(q.priority);
        const filter: CaseFilter = {
          limit: q.limit,
          offset: q.offset,
          ...(statuses ? { statuses } : {}),
          ...(priorities ? { priorities } : {}),
          ...(q.assignee === undefined ? {} : { assigneeId: q.assignee === "none" ? null : q.assignee }),
          ...(q.team === undefined ? {} : { teamId: q.team }),
          ...(q.customer === undefined ? {} : { customerId: q.customer }),
          ...(q.tag === undefined ? {} : { tag: q.tag }),
        };
        return { cases: (await listCases(deps, filter)).map(toCaseDto) };
      },
    );

    app.post(
      "/cases",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Open a case (SLA due times set from the priority)",
          headers: IdempotencyHeaders,
          body: NewCaseBody,
          response: { 201: Case },
        },
      },
      async (request, reply) => {
        // The Idempotency-Key's answer commits with the case, so a crash cannot leave the case without it.
        const inTransaction = completeIdempotencyWithin(request, (created: CaseRow) => ({
          status: 201,
          body: toCaseDto(created),
        }));
        const kase = unwrap(
          await createCase(
            deps,
            request.body,
            actorOf(principalOf(request)),
            inTransaction === undefined ? {} : { inTransaction },
          ),
        );
        if (inTransaction !== undefined) request.idempotency = null;
        return reply.status(201).send(toCaseDto(kase));
      },
    );

    app.get(
      "/cases/:id",
      {
        onRequest: guard.agent,
        schema: { tags, summary: "A case", params: IdParams, response: { 200: Case } },
      },
      async (request) => toCaseDto(unwrap(await getCase(deps, request.params.id))),
    );

    app.patch(
      "/cases/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary:
            "Edit a case; pending_customer stops the SLA clock, leaving it restarts it with due times shifted",
          params: IdParams,
          body: CasePatch,
          response: { 200: Case },
        },
      },
      async (request) =>
        toCaseDto(
          unwrap(await updateCase(deps, request.params.id, request.body, actorOf(principalOf(request)))),
        ),
    );

    app.get(
      "/cases/:id/anger",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "The customer's anger over the case: one point per inbound message, and the trend",
          params: IdParams,
          response: { 200: AngerTrajectory },
        },
      },
      async (request) => {
        const trajectory = unwrap(await angerTrajectory(deps, request.params.id));
        return { ...trajectory, points: trajectory.points.map((p) => ({ ...p, at: p.at.toISOString() })) };
      },
    );
  };
