/** @module The channel routes in one plugin: webhooks, the public contact form, imports, inbound API, coach. */
import type { FastifyPluginAsync } from "fastify";
import type { AppDeps } from "../../deps.js";
import { coachRoutes } from "../coach/routes.js";
import { importRoutes } from "../import/routes.js";
import { webformRoutes } from "../webform/routes.js";
import { webhookRoutes } from "../webhooks/routes.js";

export const channelRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    await app.register(webhookRoutes(deps));
    await app.register(webformRoutes(deps));
    await app.register(coachRoutes(deps));
    await app.register(importRoutes(deps));
  };
