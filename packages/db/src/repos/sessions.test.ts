/** @module Session repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createAgent } from "./agents.js";
import {
  createSession,
  deleteAgentSessions,
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  touchSession,
} from "./sessions.js";

const MISSING = "00000000-0000-4000-8000-000000000000";
const NOW = new Date("2026-11-25T12:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe.each(backends())("sessions on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let agent: Agent;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const created = await createAgent(t.db, { email: "s@example.com", name: "S", role: "agent" });
    if (!created.ok) throw new Error(created.error.message);
    agent = created.value;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("finds a session until it expires, and slides its expiry on activity", async () => {
    const created = await createSession(t.db, {
      agentId: agent.id,
      tokenHash: "s1",
      expiresAt: later(30),
      userAgent: "Firefox",
    });
    if (!created.ok) throw new Error(created.error.message);
    expect((await findLiveSession(t.db, "s1", later(29)))?.id).toBe(created.value.id);
    expect(await findLiveSession(t.db, "s1", later(30))).toBeUndefined();
    const touched = await touchSession(t.db, created.value.id, later(20), later(60));
    expect(touched.ok && touched.value.expires_at.toISOString()).toBe(later(60).toISOString());
    expect((await findLiveSession(t.db, "s1", later(45)))?.id).toBe(created.value.id);
    expect((await deleteSession(t.db, created.value.id)).ok).toBe(true);
    expect(await findLiveSession(t.db, "s1", NOW)).toBeUndefined();
  });

  it("removes expired sessions and all of an agent's sessions", async () => {
    await createSession(t.db, { agentId: agent.id, tokenHash: "old", expiresAt: later(-1) });
    await createSession(t.db, { agentId: agent.id, tokenHash: "live", expiresAt: later(10) });
    expect(await deleteExpiredSessions(t.db, NOW)).toBe(1);
    expect(await deleteAgentSessions(t.db, agent.id)).toBe(1);
    expect(await findLiveSession(t.db, "live", NOW)).toBeUndefined();
  });

  it("refuses a reused token hash, an unknown agent and unknown sessions", async () => {
    await createSession(t.db, { agentId: agent.id, tokenHash: "dup", expiresAt: later(5) });
    const duplicate = await createSession(t.db, { agentId: agent.id, tokenHash: "dup", expiresAt: later(5) });
    expect(duplicate.ok ? null : duplicate.error.code).toBe("duplicate");
    const noAgent = await createSession(t.db, { agentId: MISSING, tokenHash: "x", expiresAt: later(5) });
    expect(noAgent.ok ? null : noAgent.error.code).toBe("not_found");
    for (const result of [await touchSession(t.db, MISSING, NOW), await deleteSession(t.db, MISSING)]) {
      expect(result.ok ? null : result.error.code).toBe("not_found");
    }
  });
});
