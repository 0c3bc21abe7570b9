/** @module GET /api/v1/health: whether the server and its database answer. */

import type { FastifyPluginAsync } from "fastify";
import { sql } from "kysely";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";

const Health = z.object({ status: z.literal("ok"), time: z.string() });

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get(
      "/health",
      {
        schema: {
          tags: ["health"],
          summary: "Liveness: the server answers and the database responds",
          response: { 200: Health },
        },
      },
      async () => {
        await sql`SELECT 1`.execute(deps.db);
        return { status: "ok" as const, time: deps.clock.now().toISOString() };
      },
    );
  };
