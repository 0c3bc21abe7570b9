/** @module Auth API: sign-in, the signed-in agent, API tokens. */
import { z } from "zod";
import { Name, Text, Timestamp, Uuid } from "./common.js";

export const AGENT_ROLE_VALUES = ["agent", "supervisor", "admin"] as const;
export const AgentRole = z.enum(AGENT_ROLE_VALUES);

export const Agent = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: AgentRole,
  teamId: Uuid.nullable(),
  skills: z.array(z.string()),
  capacity: z.number().int(),
  active: z.boolean(),
  createdAt: Timestamp,
});
export type Agent = z.infer<typeof Agent>;

export const LoginBody = z.object({
  email: Text(320, 3),
  password: Text(1000, 1),
});

export const LoginResponse = z.object({
  agent: Agent,
  csrfToken: z
    .string()
    .describe("Send back as the `x-csrf-token` header on unsafe requests made with the cookie."),
  expiresAt: Timestamp,
});

export const MeResponse = z.object({ agent: Agent, via: z.enum(["session", "api_token"]) });

export const NewApiTokenBody = z.object({ name: Name(100) });

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});

export const CreatedApiToken = ApiToken.extend({
  token: z.string().describe("Shown once: send as `Authorization: Bearer <token>`."),
});
