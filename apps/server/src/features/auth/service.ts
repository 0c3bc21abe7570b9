/**
 * @module Sign-in and who is calling: password sessions (cookie) and API tokens (Bearer), both stored hashed.
 * CSRF tokens are an HMAC of the session token, so a planted cookie alone cannot pass the check.
 */
import { createHmac } from "node:crypto";
import {
  type Agent,
  createSession,
  deleteSession,
  findActiveApiTokenWithAgent,
  findAgentByEmail,
  findLiveSession,
  getAgent,
  createApiToken as insertApiToken,
  touchApiToken,
  touchSession,
} from "@keel/db";
import type { AppDeps } from "../../deps.js";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { DECOY_HASH, verifyPassword } from "./passwords.js";
import { randomToken, sha256 } from "./secrets.js";

type Deps = Pick<AppDeps, "db" | "clock" | "config">;

export const SESSION_TTL_MS = 12 * 3_600_000;
/** Sessions slide forward on use, but the database is written at most this often per session. */
const TOUCH_EVERY_MS = 5 * 60_000;
export const API_TOKEN_PREFIX = "keel_";
/** An API token's `last_used_at` is written at most this often. */
export const API_TOKEN_TOUCH_EVERY_MS = 60_000;
/** When this process last wrote each token's `last_used_at` (token id → epoch ms). */
const tokenTouchedAt = new Map<string, number>();

/**
 * API tokens this process looked up in the last moments (token hash → what the lookup found, and when).
 * Integrations call many times a second, and the lookup was a third of an inbound message's statements. A change
 * made through this process (revocation, role, deactivation) clears it at once; other servers sharing the
 * database see it within API_TOKEN_CACHE_MS.
 */
export const API_TOKEN_CACHE_MS = 2_000;
const TOKEN_CACHE_LIMIT = 10_000;
type FoundToken = NonNullable<Awaited<ReturnType<typeof findActiveApiTokenWithAgent>>>;
const recentTokens = new Map<string, { found: FoundToken; at: number }>();

/** Forgets the remembered API token lookups (after a token or an agent changed). */
export function forgetApiTokenLookups(): void {
  recentTokens.clear();
}

/** The lookup of this token made in the last API_TOKEN_CACHE_MS, if any (no await, so no promise, on the hot path). */
function recentApiTokenLookup(tokenHash: string): FoundToken | undefined {
  const recent = recentTokens.get(tokenHash);
  return recent !== undefined && performance.now() - recent.at < API_TOKEN_CACHE_MS
    ? recent.found
    : undefined;
}

async function lookUpApiToken(db: Deps["db"], tokenHash: string): Promise<FoundToken | undefined> {
  const at = performance.now();
  const found = await findActiveApiTokenWithAgent(db, tokenHash);
  if (found === undefined) recentTokens.delete(tokenHash);
  else {
    if (recentTokens.size >= TOKEN_CACHE_LIMIT) recentTokens.clear();
    recentTokens.set(tokenHash, { found, at });
  }
  return found;
}

export interface Principal {
  agent: Agent;
  via: "session" | "api_token";
  /** The session or API token id. */
  credentialId: string;
  /** For sessions: the CSRF token unsafe requests must echo. */
  csrfToken: string | null;
}

export const actorOf = (principal: Principal): Actor => ({ kind: "agent", id: principal.agent.id });

/** The server secret; `main` makes sure one exists (generated into the data directory when not configured). */
export function serverSecret(config: AppDeps["config"]): string {
  if (!config.KEEL_SECRET) throw new Error("KEEL_SECRET is not set");
  return config.KEEL_SECRET;
}

export const csrfTokenFor = (config: AppDeps["config"], sessionToken: string): string =>
  createHmac("sha256", serverSecret(config)).update(`csrf:${sessionToken}`).digest("base64url");

export async function login(
  deps: Deps,
  input: { email: string; password: string; userAgent: string | null },
): Promise<Result<{ agent: Agent; sessionToken: string; csrfToken: string; expiresAt: Date }>> {
  const agent = await findAgentByEmail(deps.db, input.email);
  const matches = await verifyPassword(input.password, agent?.password_hash ?? DECOY_HASH);
  if (!agent || !matches || !agent.active) {
    return failure("unauthenticated", "Wrong email or password.", "password");
  }
  const sessionToken = randomToken();
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_TTL_MS);
  const session = fromDb(
    await createSession(deps.db, {
      agentId: agent.id,
      tokenHash: sha256(sessionToken),
      expiresAt,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    }),
  );
  if (!session.ok) return session;
  await audit(
    deps.db,
    { kind: "agent", id: agent.id },
    { entity: "session", entityId: session.value.id, action: "login" },
  );
  return success({ agent, sessionToken, csrfToken: csrfTokenFor(deps.config, sessionToken), expiresAt });
}

export async function logout(deps: Deps, principal: Principal): Promise<void> {
  if (principal.via === "session") await deleteSession(deps.db, principal.credentialId);
}

export async function principalFromSession(deps: Deps, sessionToken: string): Promise<Principal | null> {
  const now = deps.clock.now();
  const session = await findLiveSession(deps.db, sha256(sessionToken), now);
  if (!session) return null;
  const agent = await getAgent(deps.db, session.agent_id);
  if (!agent.ok || !agent.value.active) return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return {
    agent: agent.value,
    via: "session",
    credentialId: session.id,
    csrfToken: csrfTokenFor(deps.config, sessionToken),
  };
}

export async function principalFromApiToken(deps: Deps, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const found = recentApiTokenLookup(tokenHash) ?? (await lookUpApiToken(deps.db, tokenHash));
  if (!found?.agent.active) return null;
  const { agent, tokenId } = found;
  // `last_used_at` is for people ("used today?"): writing it on every call would cost a commit per request.
  const now = deps.clock.now();
  const lastUsed = Math.max(
    found.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY,
    tokenTouchedAt.get(tokenId) ?? Number.NEGATIVE_INFINITY,
  );
  if (now.getTime() - lastUsed >= API_TOKEN_TOUCH_EVERY_MS) {
    // Remembered before the write, so a burst of concurrent calls on a fresh token writes the row once.
    tokenTouchedAt.set(tokenId, now.getTime());
    await touchApiToken(deps.db, tokenId, now);
  }
  return { agent, via: "api_token", credentialId: tokenId, csrfToken: null };
}

/** A new API token for the agent; the plain token is returned once and only its hash is kept. */
export async function issueApiToken(deps: Deps, agentId: string, name: string) {
  const token = randomToken(API_TOKEN_PREFIX);
  const created = fromDb(await insertApiToken(deps.db, { agentId, name, tokenHash: sha256(token) }), "name");
  if (!created.ok) return created;
  await audit(
    deps.db,
    { kind: "agent", id: agentId },
    {
      entity: "api_token",
      entityId: created.value.id,
      action: "create",
      after: { name },
    },
  );
  return success({ token, stored: created.value });
}
