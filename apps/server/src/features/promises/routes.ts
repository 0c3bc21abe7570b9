/** @module /api/v1/promises and /api/v1/cases/:id/promises: the promise ledger — list, keep, withdraw, re-date. */
import {
  CancelPromiseBody,
  IdParams,
  LedgerPromise,
  LedgerPromiseList,
  PromiseListQuery,
  PromisePatch,
} from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { toPromiseDto } from "./dto.js";
import { cancelPromise, fulfilPromise, listCasePromises, listPromisesFor, redatePromise } from "./service.js";

const tags = ["promises"];

export const promiseRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/cases/:id/promises",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "The promises made in a case's replies, in the order they were made",
          params: IdParams,
          response: { 200: LedgerPromiseList },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const rows = unwrap(await listCasePromises(deps, request.params.id));
        return { promises: rows.map((p) => toPromiseDto(p, now)) };
      },
    );

    app.get(
      "/promises",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Promises across cases, soonest due first: your own, or anyone's for supervisors",
          querystring: PromiseListQuery,
          response: { 200: LedgerPromiseList },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const { overdue, ...query } = request.query;
        const rows = unwrap(
          await listPromisesFor(
            deps,
            principalOf(request).agent,
            { ...query, overdue: overdue === "true" },
            now,
          ),
        );
        return { promises: rows.map((p) => toPromiseDto(p, now)) };
      },
    );

    app.post(
      "/promises/:id/fulfil",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Mark a promise kept (its owner or a supervisor)",
          params: IdParams,
          response: { 200: LedgerPromise },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const now = deps.clock.now();
        const kept = unwrap(
          await fulfilPromise(deps, request.params.id, principal.agent, actorOf(principal), now),
        );
        return toPromiseDto(kept, now);
      },
    );

    app.post(
      "/promises/:id/cancel",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Withdraw a promise, saying why (its owner or a supervisor)",
          params: IdParams,
          body: CancelPromiseBody,
          response: { 200: LedgerPromise },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const now = deps.clock.now();
        const cancelled = unwrap(
          await cancelPromise(
            deps,
            request.params.id,
            request.body.reason,
            principal.agent,
            actorOf(principal),
            now,
          ),
        );
        return toPromiseDto(cancelled, now);
      },
    );

    app.patch(
      "/promises/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary: "Change an open promise's due time (its owner or a supervisor)",
          params: IdParams,
          body: PromisePatch,
          response: { 200: LedgerPromise },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { dueAt, dueText } = request.body;
        const changed = unwrap(
          await redatePromise(
            deps,
            request.params.id,
            { dueAt: dueAt === null ? null : new Date(dueAt), dueText: dueText ?? null },
            principal.agent,
            actorOf(principal),
          ),
        );
        return toPromiseDto(changed, deps.clock.now());
      },
    );
  };
