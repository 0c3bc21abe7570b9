/** @module Agent repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createAgent, findAgentByEmail, getAgent, listAgents, updateAgent } from "./agents.js";
import { createTeam } from "./teams.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("agents on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates an agent with defaults and finds it by id and by email in any case", async () => {
    const created = await createAgent(t.db, { email: "Ana@Example.com", name: "Ana", role: "agent" });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({
      email: "ana@example.com",
      role: "agent",
      skills: [],
      capacity: 10,
      active: true,
      password_hash: null,
      team_id: null,
    });
    expect(await getAgent(t.db, created.value.id)).toEqual(created);
    expect((await findAgentByEmail(t.db, " ANA@example.COM "))?.id).toBe(created.value.id);
    expect(await findAgentByEmail(t.db, "nobody@example.com")).toBeUndefined();
  });

  it("stores skills, capacity, team and password hash; updates and filters them", async () => {
    const team = await createTeam(t.db, { name: "Escalations" });
    if (!team.ok) throw new Error(team.error.message);
    const created = await createAgent(t.db, {
      email: "bo@example.com",
      name: "Bo",
      role: "supervisor",
      skills: ["refunds", "german"],
      capacity: 4,
      teamId: team.value.id,
      passwordHash: "argon2id$hash",
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({
      skills: ["refunds", "german"],
      capacity: 4,
      team_id: team.value.id,
    });
    const updated = await updateAgent(t.db, created.value.id, { active: false, capacity: 0, role: "admin" });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value).toMatchObject({ active: false, capacity: 0, role: "admin" });
    expect(updated.value.updated_at.getTime()).toBeGreaterThanOrEqual(created.value.updated_at.getTime());
    expect((await listAgents(t.db, { teamId: team.value.id })).map((a) => a.name)).toEqual(["Bo"]);
    expect((await listAgents(t.db, { activeOnly: true })).map((a) => a.name)).not.toContain("Bo");
    expect((await listAgents(t.db, { role: "admin" })).map((a) => a.name)).toEqual(["Bo"]);
  });

  it("refuses a duplicate email, an unknown team, a negative capacity and unknown agents", async () => {
    await createAgent(t.db, { email: "cy@example.com", name: "Cy", role: "agent" });
    const duplicate = await createAgent(t.db, { email: "CY@example.com", name: "Cy 2", role: "agent" });
    expect(duplicate.ok ? null : duplicate.error.code).toBe("duplicate");
    const noTeam = await createAgent(t.db, {
      email: "di@example.com",
      name: "Di",
      role: "agent",
      teamId: MISSING,
    });
    expect(noTeam.ok ? null : noTeam.error.code).toBe("not_found");
    const negative = await createAgent(t.db, {
      email: "ed@example.com",
      name: "Ed",
      role: "agent",
      capacity: -1,
    });
    expect(negative.ok ? null : negative.error.code).toBe("invalid");
    const missing = await getAgent(t.db, MISSING);
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
    const missingUpdate = await updateAgent(t.db, MISSING, { name: "x" });
    expect(missingUpdate.ok ? null : missingUpdate.error.code).toBe("not_found");
  });

  it("refuses changing an email to one another agent has", async () => {
    const first = await createAgent(t.db, { email: "fa@example.com", name: "Fa", role: "agent" });
    const second = await createAgent(t.db, { email: "fb@example.com", name: "Fb", role: "agent" });
    if (!first.ok || !second.ok) throw new Error("setup failed");
    const clash = await updateAgent(t.db, second.value.id, { email: "FA@example.com" });
    expect(clash.ok ? null : clash.error.code).toBe("duplicate");
  });
});
