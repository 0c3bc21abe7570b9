import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { agentWithToken } from "../../testing/agents.js";
import { countingStatements } from "../../testing/counting.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { defineSetting, readSetting, writeSetting } from "./service.js";

describe.each(backends())("settings on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let supervisor: Record<string, string>;
  let agent: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = (await agentWithToken(t, "admin")).headers;
    supervisor = (await agentWithToken(t, "supervisor")).headers;
    agent = (await agentWithToken(t, "agent")).headers;
  });
  afterAll(async () => t.close());

  it("reads the default until an admin saves a value, then keeps every version", async () => {
    const before = await t.app.inject({ method: "GET", url: "/api/v1/settings/desk", headers: supervisor });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      key: "desk",
      version: 0,
      value: { name: "Keel", timezone: "UTC" },
    });

    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/desk",
      headers: admin,
      payload: { value: { name: "Acme Care", timezone: "Europe/London" } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      value: { name: "Acme Care", timezone: "Europe/London" },
    });
    await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/desk",
      headers: admin,
      payload: { value: { name: "Acme Support", timezone: "Europe/London" } },
    });
    const history = await t.app.inject({
      method: "GET",
      url: "/api/v1/settings/desk/history",
      headers: admin,
    });
    expect(history.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/settings", headers: supervisor });
    expect(list.json().settings).toContainEqual(expect.objectContaining({ key: "desk", version: 2 }));
  });

  it("refuses a bad value with the field to fix, and keeps the stored one", async () => {
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/desk",
      headers: admin,
      payload: { value: { name: "Acme", timezone: "Mars/Olympus" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "validation_failed", field: "value.timezone" });
    expect(bad.json().error.message).toContain("IANA timezone");
    const current = await t.app.inject({ method: "GET", url: "/api/v1/settings/desk", headers: admin });
    expect(current.json().value.timezone).toBe("Europe/London");
  });

  it("names the known settings for an unknown key, and lets only admins write", async () => {
    const unknown = await t.app.inject({ method: "GET", url: "/api/v1/settings/nope", headers: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("desk");
    const denied = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/desk",
      headers: supervisor,
      payload: { value: { name: "X", timezone: "UTC" } },
    });
    expect(denied.statusCode).toBe(403);
    const agentRead = await t.app.inject({ method: "GET", url: "/api/v1/settings/desk", headers: agent });
    expect(agentRead.statusCode).toBe(403);
  });

  it("reads a stored value that no longer fits its schema as the default", async () => {
    const v1 = defineSetting({
      key: "test_shape",
      description: "test",
      schema: z.object({ hours: z.number() }),
      defaultValue: { hours: 1 },
    });
    const saved = await writeSetting(t.deps.db, v1, { hours: 5 }, { agentId: null }, t.deps.clock.now());
    expect(saved.ok).toBe(true);
    expect(await readSetting(t.deps.db, v1)).toEqual({ hours: 5 });
    const v2 = { ...v1, schema: z.object({ minutes: z.number() }), defaultValue: { minutes: 30 } };
    expect(await readSetting(t.deps.db, v2)).toEqual({ minutes: 30 });
    expect(await readSetting(t.deps.db, "test_shape", z.object({ hours: z.number() }), { hours: 0 })).toEqual(
      {
        hours: 5,
      },
    );
  });

  it("reads a setting once per transaction, again after the transaction writes it, and every time outside one", async () => {
    const setting = defineSetting({
      key: "test_reads",
      description: "test",
      schema: z.object({ hours: z.number() }),
      defaultValue: { hours: 1 },
    });
    const now = t.deps.clock.now();
    expect((await writeSetting(t.deps.db, setting, { hours: 2 }, { agentId: null }, now)).ok).toBe(true);
    const probe = countingStatements(t.deps.db);
    await probe.db.transaction().execute(async (trx) => {
      expect(await readSetting(trx, setting)).toEqual({ hours: 2 });
      const first = probe.statements();
      expect(await readSetting(trx, setting)).toEqual({ hours: 2 });
      expect(probe.statements()).toBe(first);
      expect((await writeSetting(trx, setting, { hours: 3 }, { agentId: null }, now)).ok).toBe(true);
      expect(await readSetting(trx, setting)).toEqual({ hours: 3 });
    });
    // A new transaction reads what is stored now (written by another meanwhile).
    expect((await writeSetting(t.deps.db, setting, { hours: 4 }, { agentId: null }, now)).ok).toBe(true);
    await probe.db.transaction().execute(async (trx) => {
      expect(await readSetting(trx, setting)).toEqual({ hours: 4 });
    });
    const before = probe.statements();
    await readSetting(probe.db, setting);
    await readSetting(probe.db, setting);
    expect(probe.statements()).toBe(before + 2);
  });
});
