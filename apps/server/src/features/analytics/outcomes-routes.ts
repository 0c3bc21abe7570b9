/** @module GET /api/v1/analytics/outcomes: CSAT, fix-held and reopen rates per agent, team or topic (supervisor). */
import { Outcomes, OutcomesQuery } from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards } from "../auth/guard.js";
import { outcomesBy } from "./outcomes.js";

export const outcomeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    app.get(
      "/analytics/outcomes",
      {
        onRequest: guard.supervisor,
        schema: {
          tags: ["analytics"],
          summary:
            "Follow-up outcomes per agent, team or topic: CSAT average and count, fix-held rate, reopen rate (supervisor)",
          querystring: OutcomesQuery,
          response: { 200: Outcomes },
        },
      },
      async (request) => {
        const { groupBy, from, to } = request.query;
        const report = unwrap(
          await outcomesBy(
            deps.db,
            {
              groupBy,
              from: from === undefined ? undefined : new Date(from),
              to: to === undefined ? undefined : new Date(to),
            },
            deps.clock.now(),
          ),
        );
        return { ...report, from: report.from.toISOString(), to: report.to.toISOString() };
      },
    );
  };
