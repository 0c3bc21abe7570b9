/** @module API token repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createAgent } from "./agents.js";
import {
  createApiToken,
  findActiveApiToken,
  findActiveApiTokenWithAgent,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from "./api-tokens.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("API tokens on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let agent: Agent;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const created = await createAgent(t.db, {
      email: "int@example.com",
      name: "Integrations",
      role: "admin",
    });
    if (!created.ok) throw new Error(created.error.message);
    agent = created.value;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates, finds, touches, lists and revokes a token", async () => {
    const created = await createApiToken(t.db, { agentId: agent.id, name: "Shop sync", tokenHash: "h1" });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ last_used_at: null, revoked_at: null });
    expect((await findActiveApiToken(t.db, "h1"))?.id).toBe(created.value.id);
    const used = await touchApiToken(t.db, created.value.id, new Date("2026-11-25T10:00:00Z"));
    expect(used.ok && used.value.last_used_at?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect((await listApiTokens(t.db, agent.id)).map((k) => k.name)).toEqual(["Shop sync"]);
    const revoked = await revokeApiToken(t.db, created.value.id, new Date("2026-11-25T11:00:00Z"));
    expect(revoked.ok && revoked.value.revoked_at?.toISOString()).toBe("2026-11-25T11:00:00.000Z");
    expect(await findActiveApiToken(t.db, "h1")).toBeUndefined();
    const again = await revokeApiToken(t.db, created.value.id, new Date());
    expect(again.ok ? null : again.error.code).toBe("conflict");
  });

  it("refuses a reused hash, an unknown agent and unknown tokens", async () => {
    await createApiToken(t.db, { agentId: agent.id, name: "a", tokenHash: "same" });
    const duplicate = await createApiToken(t.db, { agentId: agent.id, name: "b", tokenHash: "same" });
    expect(duplicate.ok ? null : duplicate.error.code).toBe("duplicate");
    const noAgent = await createApiToken(t.db, { agentId: MISSING, name: "c", tokenHash: "other" });
    expect(noAgent.ok ? null : noAgent.error.code).toBe("not_found");
    for (const result of [
      await touchApiToken(t.db, MISSING, new Date()),
      await revokeApiToken(t.db, MISSING, new Date()),
    ]) {
      expect(result.ok ? null : result.error.code).toBe("not_found");
    }
  });

  it("finds an unrevoked token with its agent in one query", async () => {
    const created = await createApiToken(t.db, { agentId: agent.id, name: "Joined", tokenHash: "hj" });
    if (!created.ok) throw new Error(created.error.message);
    const used = new Date("2026-11-25T11:00:00Z");
    await touchApiToken(t.db, created.value.id, used);
    const found = await findActiveApiTokenWithAgent(t.db, "hj");
    expect(found).toEqual({ agent, tokenId: created.value.id, lastUsedAt: used });
    await revokeApiToken(t.db, created.value.id, used);
    expect(await findActiveApiTokenWithAgent(t.db, "hj")).toBeUndefined();
    expect(await findActiveApiTokenWithAgent(t.db, "unknown")).toBeUndefined();
  });
});
