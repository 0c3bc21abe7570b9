/** @module Server configuration from the environment, validated once at start. */
import { z } from "zod";

const Env = z.object({
  KEEL_HOST: z.string().default("127.0.0.1"),
  KEEL_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  KEEL_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  KEEL_PUBLIC_URL: z.string().optional(),
  /** Secret for signing sessions and portal links; generated and stored in the data dir when absent. */
  KEEL_SECRET: z.string().min(32).optional(),
  KEEL_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  KEEL_LLM_URL: z.string().optional(),
  KEEL_LLM_MODEL: z.string().optional(),
  KEEL_WORKERS_IN_PROCESS: z.enum(["true", "false"]).default("true"),
  KEEL_SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** Seconds an Idempotency-Key of a request that never finished (its server crashed) stays blocked. */
  KEEL_IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

export type ServerConfig = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
