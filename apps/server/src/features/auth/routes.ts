/** @module /api/v1/auth: sign in and out, who am I, API tokens. Login is rate-limited per address and email. */

import type {} from "@fastify/rate-limit";
import {
  ApiToken,
  CreatedApiToken,
  IdempotencyHeaders,
  IdParams,
  LoginBody,
  LoginResponse,
  MeResponse,
  NewApiTokenBody,
} from "@keel/contracts";
import { listApiTokens, revokeApiToken, type ApiToken as StoredToken } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../deps.js";
import { failure, fromDb, unwrap } from "../../service-result.js";
import { toAgentDto } from "../agents/service.js";
import { audit } from "../audit/service.js";
import { CSRF_COOKIE, guards, principalOf, SESSION_COOKIE } from "./guard.js";
import { actorOf, forgetApiTokenLookups, issueApiToken, login, logout, SESSION_TTL_MS } from "./service.js";

/** Attempts per address and email per window before 429. */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindow: 60_000 };

const tokenDto = (token: StoredToken) => ({
  id: token.id,
  name: token.name,
  createdAt: token.created_at.toISOString(),
  lastUsedAt: token.last_used_at?.toISOString() ?? null,
  revokedAt: token.revoked_at?.toISOString() ?? null,
});

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const secureCookies = (protocol: string) =>
      protocol === "https" || (deps.config.KEEL_PUBLIC_URL ?? "").startsWith("https://");

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with email and password",
          body: LoginBody,
          response: { 200: LoginResponse },
        },
        config: {
          rateLimit: {
            ...LOGIN_RATE_LIMIT,
            hook: "preHandler",
            keyGenerator: (request) =>
              `${request.ip}|${String((request.body as { email?: unknown })?.email ?? "").toLowerCase()}`,
          },
        },
      },
      async (request, reply) => {
        const session = unwrap(
          await login(deps, {
            email: request.body.email,
            password: request.body.password,
            userAgent: request.headers["user-agent"] ?? null,
          }),
        );
        const secure = secureCookies(request.protocol);
        const maxAge = Math.floor(SESSION_TTL_MS / 1000);
        reply.setCookie(SESSION_COOKIE, session.sessionToken, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure,
          maxAge,
        });
        // Readable by the web app, which echoes it in the x-csrf-token header.
        reply.setCookie(CSRF_COOKIE, session.csrfToken, {
          path: "/",
          httpOnly: false,
          sameSite: "lax",
          secure,
          maxAge,
        });
        return {
          agent: toAgentDto(session.agent),
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
        };
      },
    );

    app.post(
      "/auth/logout",
      {
        onRequest: guard.agent,
        schema: { tags: ["auth"], summary: "Sign out (ends this session)", response: { 204: z.null() } },
      },
      async (request, reply) => {
        await logout(deps, principalOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: "/" }).clearCookie(CSRF_COOKIE, { path: "/" });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/auth/me",
      {
        onRequest: guard.agent,
        schema: { tags: ["auth"], summary: "The signed-in agent", response: { 200: MeResponse } },
      },
      async (request) => {
        const principal = principalOf(request);
        return { agent: toAgentDto(principal.agent), via: principal.via };
      },
    );

    app.get(
      "/auth/tokens",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["auth"],
          summary: "Your API tokens",
          response: { 200: z.object({ tokens: z.array(ApiToken) }) },
        },
      },
      async (request) => ({
        tokens: (await listApiTokens(deps.db, principalOf(request).agent.id)).map(tokenDto),
      }),
    );

    app.post(
      "/auth/tokens",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["auth"],
          summary: "Create an API token (shown once)",
          headers: IdempotencyHeaders,
          body: NewApiTokenBody,
          response: { 201: CreatedApiToken },
        },
      },
      async (request, reply) => {
        const issued = unwrap(await issueApiToken(deps, principalOf(request).agent.id, request.body.name));
        return reply.status(201).send({ ...tokenDto(issued.stored), token: issued.token });
      },
    );

    app.delete(
      "/auth/tokens/:id",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["auth"],
          summary: "Revoke an API token",
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const owned = (await listApiTokens(deps.db, principal.agent.id)).some(
          (t) => t.id === request.params.id,
        );
        if (!owned) unwrap(failure("not_found", `API token ${request.params.id} not found`));
        unwrap(fromDb(await revokeApiToken(deps.db, request.params.id, deps.clock.now())));
        forgetApiTokenLookups();
        await audit(deps.db, actorOf(principal), {
          entity: "api_token",
          entityId: request.params.id,
          action: "revoke",
        });
        return reply.status(204).send(null);
      },
    );
  };
