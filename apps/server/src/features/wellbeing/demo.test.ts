/** @module The wellbeing and reflection demo data tell their stories (exhausted agent, cooldown, blocked contact). */
import { findAgentByEmail, listBlockedContacts, listReflectionsOf, listSharedReflections } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { createAgent } from "../agents/service.js";
import { SYSTEM_ACTOR } from "../audit/service.js";
import { seedReflectionDemo } from "../reflection/demo.js";
import { seedWellbeingDemo } from "./demo.js";
import { loadOverview } from "./service.js";

describe.each(backends())("wellbeing and reflection demo data on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [name, email, role] of [
      ["Amira Haddad", "admin@keel.demo", "admin"],
      ["Priya Nair", "priya@keel.demo", "agent"],
      ["Lena Vogel", "lena@keel.demo", "agent"],
      ["Tomás Ruiz", "tomas@keel.demo", "agent"],
    ] as const) {
      const created = await createAgent(
        t.deps,
        { name, email, role, password: "keel-demo-agent" },
        SYSTEM_ACTOR,
      );
      if (!created.ok) throw new Error(created.error.message);
    }
  });
  afterAll(async () => t.close());

  it("shows an exhausted agent, one in cooldown, a blocked contact and a shared reflection card", async () => {
    await seedWellbeingDemo(t.deps);
    await seedReflectionDemo(t.deps);
    const overview = await loadOverview(t.deps);
    const byName = new Map(overview.agents.map((a) => [a.name, a]));
    expect(byName.get("Priya Nair")).toMatchObject({ level: "high", cooldown: null });
    expect(byName.get("Priya Nair")?.abusive7d).toBeGreaterThanOrEqual(3);
    expect(byName.get("Lena Vogel")?.cooldown).not.toBeNull();

    const [blocked] = await listBlockedContacts(t.deps.db);
    expect(blocked).toMatchObject({ value: "brett.harlow@example.com" });
    const closed = await t.deps.db
      .selectFrom("cases")
      .select("status")
      .where("subject", "=", "Router replacement")
      .executeTakeFirstOrThrow();
    expect(closed.status).toBe("closed");

    const tomas = await findAgentByEmail(t.deps.db, "tomas@keel.demo");
    const [card] = await listReflectionsOf(t.deps.db, tomas?.id ?? "");
    expect(card).toMatchObject({ shared: true, notes: expect.stringMatching(/Apologise first/) });
    expect(card?.went_well).not.toEqual([]);
    expect(card?.try_next).not.toEqual([]);
    expect((await listSharedReflections(t.deps.db)).map((r) => r.id)).toEqual([card?.id]);
  });
});
