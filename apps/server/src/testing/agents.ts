/** @module Test helpers: agents with API tokens or sign-in sessions, and request headers for them. */
import type { AgentRole } from "@keel/db";
import { createAgent } from "../features/agents/service.js";
import { issueApiToken } from "../features/auth/service.js";
import type { TestApp } from "./test-app.js";

let counter = 0;

/** A new agent with this role and an API token; returns Bearer headers. */
export async function agentWithToken(t: TestApp, role: AgentRole = "agent") {
  counter++;
  const created = await createAgent(
    t.deps,
    {
      email: `${role}${counter}@test.keel`,
      name: `${role} ${counter}`,
      role,
      password: "correct horse battery",
    },
    { kind: "system", id: null },
  );
  if (!created.ok) throw new Error(created.error.message);
  const token = await issueApiToken(t.deps, created.value.id, "tests");
  if (!token.ok) throw new Error(token.error.message);
  return {
    agent: created.value,
    password: "correct horse battery",
    headers: { authorization: `Bearer ${token.value.token}` },
  };
}
