/**
 * @module Route guards: who is calling (Bearer API token or session cookie), whether their role suffices, and the
 * CSRF check for cookie-authenticated unsafe requests (the `x-csrf-token` header must equal the `keel_csrf`
 * cookie and the HMAC of the session; Bearer requests carry no ambient credentials and skip it).
 */
import type {} from "@fastify/cookie";
import type { AgentRole } from "@keel/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { safeEqual } from "./secrets.js";
import { type Principal, principalFromApiToken, principalFromSession } from "./service.js";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = "keel_session";
export const CSRF_COOKIE = "keel_csrf";
export const CSRF_HEADER = "x-csrf-token";

const RANK: Record<AgentRole, number> = { agent: 0, supervisor: 1, admin: 2 };
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BEARER = /^Bearer\s+(\S+)$/i;

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Resolves the caller once per request; null when no credentials (or invalid ones) were sent. */
async function identify(deps: AppDeps, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match?.[1])
      throw new AppError("unauthenticated", "Send the API token as `Authorization: Bearer <token>`.");
    const principal = await principalFromApiToken(deps, match[1]);
    if (!principal) throw new AppError("unauthenticated", "The API token is unknown or revoked.");
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? principalFromSession(deps, cookie) : null;
}

function checkCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.via !== "session" || SAFE_METHODS.has(request.method)) return;
  const header = request.headers[CSRF_HEADER];
  const sent = typeof header === "string" ? header : "";
  const cookie = request.cookies[CSRF_COOKIE] ?? "";
  if (!sent || !safeEqual(sent, cookie) || !safeEqual(sent, principal.csrfToken ?? "")) {
    throw new AppError(
      "csrf_failed",
      `Send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie.`,
    );
  }
}

/** A guard letting through agents with at least this role. */
export function requireRole(deps: AppDeps, role: AgentRole): Guard {
  return async (request) => {
    const principal = await identify(deps, request);
    if (!principal) throw new AppError("unauthenticated", "Sign in, or send an API token.");
    if (RANK[principal.agent.role] < RANK[role]) {
      throw new AppError("forbidden", `This needs the ${role} role; you are ${principal.agent.role}.`);
    }
    checkCsrf(request, principal);
    request.principal = principal;
  };
}

export function guards(deps: AppDeps) {
  return {
    agent: requireRole(deps, "agent"),
    supervisor: requireRole(deps, "supervisor"),
    admin: requireRole(deps, "admin"),
  };
}

/** The caller of a guarded route (the guard has run). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("unauthenticated", "Sign in, or send an API token.");
  return request.principal;
}
