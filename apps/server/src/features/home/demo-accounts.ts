/**
 * @module `GET /api/v1/auth/demo-accounts`: the demo logins for the sign-in screen, only while the demo seed is on
 * and only the accounts that still exist and are active (an admin who deactivates one hides it).
 */
import { findAgentByEmail } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DEMO_PEOPLE } from "../../demo/people.js";
import type { AppDeps } from "../../deps.js";

export const DemoAccounts = z.object({
  accounts: z.array(
    z.object({
      role: z.enum(["agent", "supervisor", "admin"]),
      name: z.string(),
      email: z.string(),
      password: z.string(),
    }),
  ),
});

export async function demoAccounts(deps: AppDeps): Promise<z.infer<typeof DemoAccounts>> {
  if (deps.config.KEEL_SEED_DEMO !== "true") return { accounts: [] };
  const accounts = [];
  for (const person of DEMO_PEOPLE) {
    const agent = await findAgentByEmail(deps.db, person.email);
    if (agent?.active) {
      accounts.push({ role: person.role, name: person.name, email: person.email, password: person.password });
    }
  }
  return { accounts };
}

export const demoAccountRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/auth/demo-accounts",
      {
        schema: {
          tags: ["auth"],
          summary: "Demo logins for the sign-in screen (empty unless the demo seed is on)",
          security: [],
          response: { 200: DemoAccounts },
        },
      },
      async () => demoAccounts(deps),
    );
  };
