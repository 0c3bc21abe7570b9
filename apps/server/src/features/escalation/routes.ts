/**
 * @module Escalation routes: the rules (supervisors read, admins edit), the agent's advice and one-action escalate,
 * the fresh brief, the supervisor queue with take and resolve, and the VIP flag on customers.
 */
import {
  BriefResponse,
  EscalateCaseBody,
  EscalateCaseResult,
  EscalationAdvice,
  EscalationCaseResult,
  EscalationList,
  EscalationListQuery,
  EscalationRuleSet,
  EscalationRuleSetList,
  EscalationRulesPut,
  IdempotencyHeaders,
  IdParams,
  ResolveEscalationBody,
  VipBody,
  VipResult,
} from "@keel/contracts";
import type { Case, EscalationRow } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { toCaseDto } from "../cases/dto.js";
import { toEscalationDto, toRuleSetDto } from "./dto.js";
import {
  adviceFor,
  currentRules,
  escalateByAgent,
  freshBrief,
  listQueue,
  markVip,
  resolveEscalation,
  ruleVersions,
  saveRules,
  takeEscalation,
} from "./service.js";

const tags = ["escalation"];

export const escalationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const withCase = (result: { escalation: EscalationRow; case: Case }) => ({
      escalation: toEscalationDto(result.escalation, result.case),
      case: toCaseDto(result.case),
    });

    app.get(
      "/escalation/rules",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "The escalation rules in force (version 0: the built-in defaults)",
          response: { 200: EscalationRuleSet },
        },
      },
      async () => toRuleSetDto(await currentRules(deps.db)),
    );

    app.put(
      "/escalation/rules",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "Replace the escalation rules: saved as a new version, earlier versions kept",
          body: EscalationRulesPut,
          response: { 200: EscalationRuleSet },
        },
      },
      async (request) =>
        toRuleSetDto(
          unwrap(
            await saveRules(
              deps.db,
              { rules: request.body.rules, baseVersion: request.body.baseVersion },
              actorOf(principalOf(request)),
            ),
          ),
        ),
    );

    app.get(
      "/escalation/rules/versions",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Every saved version of the rules, newest first, ending with the built-in defaults",
          response: { 200: EscalationRuleSetList },
        },
      },
      async () => ({ versions: (await ruleVersions(deps.db)).map(toRuleSetDto) }),
    );

    app.get(
      "/cases/:id/escalation",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary:
            "Whether to escalate: the signals in plain words, which rules fire, whether it is escalated",
          params: IdParams,
          response: { 200: EscalationAdvice },
        },
      },
      async (request) => unwrap(await adviceFor(deps, request.params.id)),
    );

    app.post(
      "/cases/:id/escalate",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary:
            "Escalate the case to a supervisor, with the handoff brief (201; 200 when already escalated)",
          headers: IdempotencyHeaders,
          params: IdParams,
          body: EscalateCaseBody,
          response: { 200: EscalateCaseResult, 201: EscalateCaseResult },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const opened = unwrap(
          await escalateByAgent(
            deps,
            request.params.id,
            request.body,
            principal.agent.id,
            actorOf(principal),
          ),
        );
        return reply
          .status(opened.created ? 201 : 200)
          .send({ created: opened.created, ...withCase(opened) });
      },
    );

    app.get(
      "/cases/:id/brief",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "The handoff brief as the case stands now, citing the messages it draws on",
          params: IdParams,
          response: { 200: BriefResponse },
        },
      },
      async (request) => unwrap(await freshBrief(deps, request.params.id)),
    );

    app.get(
      "/escalations",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary:
            "The supervisor queue: open before taken, most severe and newest first, each with its brief",
          querystring: EscalationListQuery,
          response: { 200: EscalationList },
        },
      },
      async (request) => {
        const { status, limit, offset } = request.query;
        const statuses = status === undefined ? undefined : Array.isArray(status) ? status : [status];
        const rows = await listQueue(deps.db, { statuses, limit, offset });
        return { escalations: rows.map(({ row, label }) => toEscalationDto(row, label)) };
      },
    );

    app.post(
      "/escalations/:id/take",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Take the escalation: the supervisor becomes the case's owner",
          params: IdParams,
          response: { 200: EscalationCaseResult },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return withCase(
          unwrap(await takeEscalation(deps, request.params.id, principal.agent.id, actorOf(principal))),
        );
      },
    );

    app.post(
      "/escalations/:id/resolve",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Resolve the escalation (the case stays open for its owner)",
          params: IdParams,
          body: ResolveEscalationBody,
          response: { 200: EscalationCaseResult },
        },
      },
      async (request) =>
        withCase(
          unwrap(
            await resolveEscalation(
              deps,
              request.params.id,
              request.body.note,
              actorOf(principalOf(request)),
            ),
          ),
        ),
    );

    app.put(
      "/customers/:id/vip",
      {
        onRequest: guard.supervisor,
        schema: {
          tags,
          summary: "Mark a customer VIP (or not): escalation rules can treat VIPs sooner",
          params: IdParams,
          body: VipBody,
          response: { 200: VipResult },
        },
      },
      async (request) => {
        const customer = unwrap(
          await markVip(deps, request.params.id, request.body.vip, actorOf(principalOf(request))),
        );
        return { customerId: customer.id, vip: customer.vip };
      },
    );
  };
