import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { hashPassword, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("s3cret-enough");
    const b = await hashPassword("s3cret-enough");
    expect(a).not.toBe(b);
    expect(await verifyPassword("s3cret-enough", a)).toBe(true);
    expect(await verifyPassword("s3cret-enougH", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe.each(backends())("auth routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let me: Awaited<ReturnType<typeof agentWithToken>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    me = await agentWithToken(t, "agent");
  });
  afterAll(async () => t.close());

  const cookiesOf = (setCookie: string | string[] | undefined) =>
    Object.fromEntries(
      [setCookie ?? []].flat().map((c) => {
        const [pair] = c.split(";");
        const [name, ...value] = (pair ?? "").split("=");
        return [name, value.join("=")];
      }),
    );

  it("signs in with a session cookie and enforces CSRF on unsafe requests", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: me.agent.email.toUpperCase(), password: me.password },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = login.headers["set-cookie"];
    expect(String(setCookie)).toMatch(/keel_session=[^;]+;.*HttpOnly/);
    expect(String(setCookie)).toMatch(/SameSite=Lax/);
    const jar = cookiesOf(setCookie);
    const cookie = `keel_session=${jar.keel_session}; keel_csrf=${jar.keel_csrf}`;
    expect(jar.keel_csrf).toBe(login.json().csrfToken);

    const whoami = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    expect(whoami.json()).toMatchObject({ agent: { id: me.agent.id }, via: "session" });

    const noCsrf = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      headers: { cookie },
      payload: { name: "x" },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe("csrf_failed");

    const withCsrf = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/tokens",
      headers: { cookie, "x-csrf-token": jar.keel_csrf },
      payload: { name: "ci" },
    });
    expect(withCsrf.statusCode).toBe(201);
    expect(withCsrf.json().token).toMatch(/^keel_/);

    const logout = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie, "x-csrf-token": jar.keel_csrf },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it("refuses a wrong password, a missing field and an unknown token", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: me.agent.email, password: "nope" },
    });
    expect(wrong.statusCode).toBe(401);
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "a@b.c" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe("body.password");
    const bogus = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { authorization: "Bearer keel_nope" },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it("lists and revokes API tokens; a revoked token stops working", async () => {
    const other = await agentWithToken(t, "agent");
    const list = await t.app.inject({ method: "GET", url: "/api/v1/auth/tokens", headers: other.headers });
    const [token] = list.json().tokens;
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/tokens/${token.id}`,
      headers: other.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: other.headers });
    expect(after.statusCode).toBe(401);
    const foreign = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/auth/tokens/${token.id}`,
      headers: me.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("refuses a deactivated agent's API token at once, though its lookup was just remembered", async () => {
    const admin = await agentWithToken(t, "admin");
    const worker = await agentWithToken(t, "agent");
    const me = () => t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: worker.headers });
    expect((await me()).statusCode).toBe(200);
    const deactivated = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/agents/${worker.agent.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    // Revoked, not only refused: an integration's token does not come back to life with its agent.
    const reactivated = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/agents/${worker.agent.id}`,
      headers: admin.headers,
      payload: { active: true },
    });
    expect(reactivated.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    const tokens = await t.deps.db
      .selectFrom("api_tokens")
      .select("revoked_at")
      .where("agent_id", "=", worker.agent.id)
      .execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
  });

  it("rate-limits repeated sign-in attempts", async () => {
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "victim@test.keel", password: "guess" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
