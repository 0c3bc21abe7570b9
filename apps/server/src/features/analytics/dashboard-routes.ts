/** @module GET /api/v1/analytics/dashboard: the supervisor dashboard's figures for a range of days. */
import { Dashboard, DashboardQuery } from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards } from "../auth/guard.js";
import { buildDashboard } from "./dashboard-service.js";

export const dashboardRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    app.get(
      "/analytics/dashboard",
      {
        onRequest: guard.supervisor,
        schema: {
          tags: ["analytics"],
          summary:
            "Anger over time, de-escalation rate, SLA breaches, promises, CSAT and fix-held rate, agent load " +
            "and abuse exposure, per UTC day (supervisor)",
          querystring: DashboardQuery,
          response: { 200: Dashboard },
        },
      },
      async (request) => unwrap(await buildDashboard(deps, request.query)),
    );
  };
