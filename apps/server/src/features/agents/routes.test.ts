import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

describe.each(backends())("agent and team routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = (await agentWithToken(t, "admin")).headers;
    agent = (await agentWithToken(t, "agent")).headers;
  });
  afterAll(async () => t.close());

  it("lets admins create and edit agents, and supervisors manage teams", async () => {
    const team = await t.app.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers: admin,
      payload: { name: "Billing" },
    });
    expect(team.statusCode).toBe(201);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: admin,
      payload: {
        email: "New@Desk.example",
        name: "New Agent",
        role: "agent",
        password: "long enough pw",
        teamId: team.json().id,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: "new@desk.example", teamId: team.json().id, active: true });
    expect(JSON.stringify(created.json())).not.toContain("scrypt");
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "new@desk.example", password: "long enough pw" },
    });
    expect(login.statusCode).toBe(200);
    const deactivated = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/agents/${created.json().id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "new@desk.example", password: "long enough pw" },
    });
    expect(refused.statusCode).toBe(401);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/agents?team=${team.json().id}`,
      headers: agent,
    });
    expect(list.json().agents).toHaveLength(1);
    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/teams/${team.json().id}`,
      headers: admin,
      payload: { name: "Payments" },
    });
    expect(renamed.json().name).toBe("Payments");
    const teams = await t.app.inject({ method: "GET", url: "/api/v1/teams", headers: agent });
    expect(teams.json().teams.map((x: { name: string }) => x.name)).toContain("Payments");
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/teams/${team.json().id}`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(204);
  });

  it("refuses agents without the role, duplicates and bad input", async () => {
    const forbidden = await t.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: agent,
      payload: { email: "x@desk.example", name: "X", role: "agent", password: "long enough pw" },
    });
    expect(forbidden.statusCode).toBe(403);
    const teamForbidden = await t.app.inject({
      method: "POST",
      url: "/api/v1/teams",
      headers: agent,
      payload: { name: "T" },
    });
    expect(teamForbidden.statusCode).toBe(403);
    const payload = { email: "twice@desk.example", name: "Twice", role: "agent", password: "long enough pw" };
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/agents", headers: admin, payload })).statusCode,
    ).toBe(201);
    const dup = await t.app.inject({ method: "POST", url: "/api/v1/agents", headers: admin, payload });
    expect(dup.statusCode).toBe(409);
    const badRole = await t.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: admin,
      payload: { ...payload, role: "overlord" },
    });
    expect(badRole.json().error.field).toBe("body.role");
    const shortPassword = await t.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: admin,
      payload: { ...payload, password: "short" },
    });
    expect(shortPassword.json().error.field).toBe("body.password");
    const someone = (await t.app.inject({ method: "GET", url: "/api/v1/agents", headers: admin })).json()
      .agents[0];
    const unknownTeam = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/agents/${someone.id}`,
      headers: admin,
      payload: { teamId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknownTeam.statusCode).toBe(404);
    const missing = await t.app.inject({
      method: "GET",
      url: "/api/v1/agents/00000000-0000-4000-8000-000000000000",
      headers: agent,
    });
    expect(missing.statusCode).toBe(404);
  });
  it("keeps at least one active admin: the last one can be neither demoted nor deactivated", async () => {
    const t2 = await createTestApp(backend);
    try {
      const only = await agentWithToken(t2, "admin");
      const demote = await t2.app.inject({
        method: "PATCH",
        url: `/api/v1/agents/${only.agent.id}`,
        headers: only.headers,
        payload: { role: "agent" },
      });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().error).toMatchObject({ code: "conflict", field: "role" });
      const deactivate = await t2.app.inject({
        method: "PATCH",
        url: `/api/v1/agents/${only.agent.id}`,
        headers: only.headers,
        payload: { active: false },
      });
      expect(deactivate.statusCode).toBe(409);
      const second = await agentWithToken(t2, "admin");
      const nowAllowed = await t2.app.inject({
        method: "PATCH",
        url: `/api/v1/agents/${only.agent.id}`,
        headers: second.headers,
        payload: { role: "supervisor" },
      });
      expect(nowAllowed.statusCode).toBe(200);
    } finally {
      await t2.close();
    }
  });
  it("names teamId when an agent is created in a team that does not exist", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: admin,
      payload: {
        email: "lost@desk.example",
        name: "Lost",
        role: "agent",
        password: "long enough pw",
        teamId: crypto.randomUUID(),
      },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.field).toBe("teamId");
  });
});
