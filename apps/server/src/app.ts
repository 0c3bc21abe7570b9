/** @module Builds the Fastify app: schema validation from zod, one error mapping, and the feature folders. */
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "./deps.js";
import { AppError, statusOf } from "./errors.js";
import { healthRoutes } from "./features/health/routes.js";
import { channelRoutes } from "./features/inbound/channel-routes.js";

export interface BuildAppOptions {
  /** Largest request body in bytes (413 above it). */
  bodyLimit?: number;
  logger?: boolean;
}

export type App = FastifyInstance;

function errorBody(code: string, message: string, field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

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

  const typed = app.withTypeProvider<ZodTypeProvider>();
  await typed.register(healthRoutes(deps), { prefix: "/api/v1" });
  await typed.register(channelRoutes(deps), { prefix: "/api/v1" });
  return app;
}
