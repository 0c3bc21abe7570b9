/** @module Builds the Fastify app: schema validation from zod, one error mapping, auth, idempotency, and the features. */
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "./deps.js";
import { AppError, statusOf } from "./errors.js";
import { agentRoutes } from "./features/agents/routes.js";
import { dashboardRoutes } from "./features/analytics/dashboard-routes.js";
import { outcomeRoutes } from "./features/analytics/outcomes-routes.js";
import { attachmentRoutes } from "./features/attachments/routes.js";
import { auditRoutes } from "./features/audit/routes.js";
import { authRoutes } from "./features/auth/routes.js";
import { caseRoutes } from "./features/cases/routes.js";
import { customerRoutes } from "./features/customers/routes.js";
import { docsRoutes } from "./features/docs/routes.js";
import { escalationRoutes } from "./features/escalation/routes.js";
import { followupRoutes } from "./features/followups/routes.js";
import { healthRoutes } from "./features/health/routes.js";
import { homeRoutes } from "./features/home/routes.js";
import { channelRoutes } from "./features/inbound/channel-routes.js";
import { inboxRoutes } from "./features/inbox/routes.js";
import { informedRoutes } from "./features/informed/routes.js";
import { messageRoutes } from "./features/messages/routes.js";
import { notificationRoutes } from "./features/notifications/routes.js";
import { portalRoutes } from "./features/portal/routes.js";
import { promiseRoutes } from "./features/promises/routes.js";
import { reflectionRoutes } from "./features/reflection/routes.js";
import { settingRoutes } from "./features/settings/routes.js";
import { teamRoutes } from "./features/teams/routes.js";
import { wellbeingRoutes } from "./features/wellbeing/routes.js";
import { installIdempotency } from "./http/idempotency.js";
import { installUtf8JsonParser } from "./http/json-body.js";
import { installQueryNulGuard } from "./http/query-nul.js";
import { responseSerializerCompiler } from "./http/response-serializer.js";
import { sharedRateLimitStore } from "./http/shared-rate-limit-store.js";
import { stopReactions } from "./reactions/deferred.js";

export interface BuildAppOptions {
  /** Largest request body in bytes (413 above it). */
  bodyLimit?: number;
  logger?: boolean;
  /** Trust X-Forwarded-* headers (behind a reverse proxy), so https and client addresses are seen. */
  trustProxy?: boolean;
  /**
   * Also write every answer through zod and require the same JSON (response-serializer.ts); on by default under
   * tests (NODE_ENV=test).
   */
  checkResponses?: boolean;
}

export type App = FastifyInstance;

function errorBody(code: string, message: string, field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Portal links carry a signed token in the path.
    routerOptions: { maxParamLength: 256 },
    // What the router refuses before any route runs (a path with a malformed percent-encoding) gets the same body.
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply)
        .status(400)
        .send(errorBody("bad_request", `The URL is malformed: ${error.message}.`));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  const checkResponses = options.checkResponses ?? process.env.NODE_ENV === "test";
  app.setSerializerCompiler(responseSerializerCompiler({ check: checkResponses }));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.field));
    }
    if (error.validation) {
      const first = error.validation[0];
      const path = first?.instancePath?.replace(/^\//, "").replaceAll("/", ".") ?? "";
      const where = error.validationContext ?? "body";
      const field = path ? `${where}.${path}` : where;
      return reply
        .status(statusOf("validation_failed"))
        .send(errorBody("validation_failed", `${field}: ${first?.message ?? "is invalid"}`, field));
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send(errorBody("payload_too_large", "The request body is too large."));
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply
        .status(415)
        .send(errorBody("unsupported_media_type", "Send the body as application/json."));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 429 ? "rate_limited" : "bad_request";
      return reply.status(error.statusCode).send(errorBody(code, error.message));
    }
    request.log.error(error);
    return reply
      .status(500)
      .send(errorBody("internal", "Something went wrong on our side; it has been logged."));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody("not_found", `No route for ${request.method} ${request.url}.`)),
  );

  installUtf8JsonParser(app);
  installQueryNulGuard(app);
  await app.register(cookie);
  // Per-route limits only (login, portal, public forms); the rest is behind authentication. Counted in
  // PostgreSQL, so several servers share one allowance.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(deps) });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Keel API",
        version: "1",
        description:
          "Keel's complaint desk. Authenticate with the session cookie from POST /api/v1/auth/login (then send " +
          "the x-csrf-token header on unsafe requests) or with `Authorization: Bearer <API token>`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "keel_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.decorateRequest("principal", null);
  installIdempotency(app, deps.db, { leaseSeconds: deps.config.KEEL_IDEMPOTENCY_LEASE_SECONDS });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(homeRoutes(deps));
  await typed.register(docsRoutes(deps));
  const api = { prefix: "/api/v1" };
  await typed.register(healthRoutes(deps), api);
  await typed.register(authRoutes(deps), api);
  await typed.register(agentRoutes(deps), api);
  await typed.register(teamRoutes(deps), api);
  await typed.register(customerRoutes(deps), api);
  await typed.register(caseRoutes(deps), api);
  await typed.register(escalationRoutes(deps), api);
  await typed.register(inboxRoutes(deps), api);
  await typed.register(messageRoutes(deps), api);
  await typed.register(attachmentRoutes(deps), api);
  await typed.register(auditRoutes(deps), api);
  await typed.register(portalRoutes(deps), api);
  await typed.register(promiseRoutes(deps), api);
  await typed.register(channelRoutes(deps), api);
  await typed.register(dashboardRoutes(deps), api);
  await typed.register(notificationRoutes(deps), api);
  await typed.register(settingRoutes(deps), api);
  await typed.register(wellbeingRoutes(deps), api);
  await typed.register(reflectionRoutes(deps), api);
  await typed.register(informedRoutes(deps), api);
  await typed.register(followupRoutes(deps), api);
  await typed.register(outcomeRoutes(deps), api);
  // Messages accepted before closing are stored before the database goes away; queued reactions wait for the next start.
  app.addHook("onClose", async () => stopReactions(deps));
  return app;
}
