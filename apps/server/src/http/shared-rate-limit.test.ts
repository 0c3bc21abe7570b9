/**
 * @module Rate limits shared by several servers on one database: the contact form, sign-in and the portal each
 * count one allowance across two app instances, windows follow the clock, and the prune job drops ended windows.
 */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../app.js";
import { readEmailSettings } from "../features/email/email-settings.js";
import { FORM_LIMIT } from "../features/webform/rate-limiter.js";
import { registerWorkers } from "../jobs/index.js";
import { PERIODIC_CHECKS, queuePeriodicCheck } from "../jobs/periodic.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { RATE_LIMIT_PRUNE_EVERY_MS, RATE_LIMIT_PRUNE_QUEUE } from "./rate-limit-prune.js";

describe.each(backends())("rate limits shared between servers on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let second: App;
  beforeAll(async () => {
    t = await createTestApp(backend);
    t.deps.clock.set("2026-11-02T09:00:05Z");
    // A second server process on the same database.
    second = await buildApp(t.deps);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const servers = () => [t.app, second];

  it("counts contact-form submissions from one address on every server together", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FORM_LIMIT.max + 1; i++) {
      const server = servers()[i % 2] as App;
      const res = await server.inject({
        method: "POST",
        url: "/api/v1/public/contact",
        payload: { email: "shared@example.com", message: `Still broken, try ${i}` },
        remoteAddress: "10.1.1.1",
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers["retry-after"]).toBe("55");
        expect(res.json().error.message).toContain("try again in 55 seconds");
      }
    }
    expect(statuses).toEqual([...Array(FORM_LIMIT.max).fill(202), 429]);
    t.deps.clock.advance(FORM_LIMIT.windowMs);
    const later = await second.inject({
      method: "POST",
      url: "/api/v1/public/contact",
      payload: { email: "shared@example.com", message: "Next minute" },
      remoteAddress: "10.1.1.1",
    });
    expect(later.statusCode).toBe(202);
  });

  it("counts sign-in attempts and portal requests across servers", async () => {
    const logins: number[] = [];
    for (let i = 0; i < 12; i++) {
      const server = servers()[i % 2] as App;
      const res = await server.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "victim@test.keel", password: "guess" },
      });
      logins.push(res.statusCode);
    }
    // Ten attempts per minute in all, not ten per server.
    expect(logins.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(logins.slice(10)).toEqual([429, 429]);

    let portalHits = 0;
    let status = 0;
    while (status !== 429 && portalHits < 200) {
      const server = servers()[portalHits % 2] as App;
      status = (await server.inject({ method: "GET", url: "/api/v1/portal/not-a-real-token-at-all" }))
        .statusCode;
      portalHits++;
    }
    expect(status).toBe(429);
    expect(portalHits).toBe(61);
  });

  it("prunes ended windows in a periodic job", async () => {
    expect(PERIODIC_CHECKS).toContainEqual({
      queue: RATE_LIMIT_PRUNE_QUEUE,
      everyMs: RATE_LIMIT_PRUNE_EVERY_MS,
    });
    const windows = () => t.deps.db.selectFrom("rate_limit_windows").select("bucket").execute();
    expect((await windows()).length).toBeGreaterThan(0);
    await registerWorkers(t.deps, readEmailSettings({}), () => undefined);
    t.deps.clock.advance(FORM_LIMIT.windowMs);
    await queuePeriodicCheck(t.deps.jobs, {
      queue: RATE_LIMIT_PRUNE_QUEUE,
      everyMs: RATE_LIMIT_PRUNE_EVERY_MS,
    });
    await t.deps.jobs.runAll();
    expect(await windows()).toEqual([]);
  });
});
