import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAgent, updateAgent } from "@keel/db";
import { backends } from "@keel/db/testing";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { readConfig } from "../../config.js";
import type { AppDeps } from "../../deps.js";
import { createTestApp, RecordingJobs, type TestApp } from "../../testing/test-app.js";
import { homeRoutes } from "./routes.js";

/** Home routes alone on a bare Fastify: serving files needs no database. */
async function serve(webDist: string | null) {
  const deps = {
    config: readConfig({ KEEL_SECRET: "test-secret-test-secret-test-secret-0000", KEEL_SEED_DEMO: "false" }),
    clock: new ManualClock(),
    jobs: new RecordingJobs(),
  } as unknown as AppDeps;
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(homeRoutes(deps, { webDist }));
  return app;
}

describe("serving the web app", () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "keel-web-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Keel app</title>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("serves index.html at / and for any app route, never cached", async () => {
    const app = await serve(dist);
    for (const url of ["/", "/cases/0b6f2c1e-0000-4000-8000-000000000000", "/dashboard?x=1"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("Keel app");
    }
  });

  it("serves hashed assets with a long immutable cache and 404s a missing one", async () => {
    const app = await serve(dist);
    const asset = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toContain("javascript");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const missing = await app.inject({ method: "GET", url: "/assets/nope-000.js" });
    expect(missing.statusCode).toBe(404);
  });

  it("never falls back to the app under /api, and refuses paths outside the folder", async () => {
    const app = await serve(dist);
    const api = await app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
    const outside = await app.inject({ method: "GET", url: "/..%2f..%2fetc%2fpasswd" });
    expect(outside.body).not.toContain("root:");
  });

  it("explains how to build when the app has not been built", async () => {
    const app = await serve(join(dist, "missing"));
    const res = await app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("npm run build");
  });
});

describe.each(backends())("demo accounts on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("lists the demo logins that exist and are active, without signing in", async () => {
    const empty = await t.app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" });
    expect(empty.json()).toEqual({ accounts: [] });

    const priya = await createAgent(t.deps.db, {
      email: "priya@keel.demo",
      name: "Priya Nair",
      role: "agent",
    });
    await createAgent(t.deps.db, { email: "admin@keel.demo", name: "Amira Haddad", role: "admin" });
    const res = await t.app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" });
    expect(res.statusCode).toBe(200);
    expect(res.json().accounts).toEqual([
      { role: "admin", name: "Amira Haddad", email: "admin@keel.demo", password: "keel-demo-admin" },
      { role: "agent", name: "Priya Nair", email: "priya@keel.demo", password: "keel-demo-agent" },
    ]);

    if (!priya.ok) throw new Error("agent not created");
    await updateAgent(t.deps.db, priya.value.id, { active: false });
    const after = await t.app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" });
    expect(after.json().accounts.map((a: { email: string }) => a.email)).toEqual(["admin@keel.demo"]);
  });
});
