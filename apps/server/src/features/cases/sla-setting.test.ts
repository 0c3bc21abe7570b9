/** @module The `sla` setting: saved targets apply to new cases and priority changes; until then the start targets do. */
import { createCustomer } from "@keel/db";
import { backends } from "@keel/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";
import { createCase, updateCase } from "./service.js";
import { DEFAULT_SLA_TARGETS } from "./sla.js";

const HOUR = 3_600_000;

describe.each(backends())("SLA targets setting on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let customerId: string;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    customerId = (await createCustomer(t.deps.db, { name: "Ada" })).id;
    admin = (await agentWithToken(t, "admin")).headers;
  });
  afterAll(async () => t.close());

  const dueIn = (due: Date | null) => ((due?.getTime() ?? 0) - t.deps.clock.now().getTime()) / HOUR;

  it("uses the targets the server started with until an admin saves the setting", async () => {
    t.deps.slaTargets = { ...DEFAULT_SLA_TARGETS, normal: { firstResponseHours: 2, resolutionHours: 10 } };
    const created = await createCase(t.deps, { subject: "Start targets", customerId });
    if (!created.ok) throw new Error(created.error.message);
    expect(dueIn(created.value.first_response_due_at)).toBe(2);
    expect(dueIn(created.value.resolution_due_at)).toBe(10);
  });

  it("applies saved targets to new cases, cases opened by email and priority changes", async () => {
    const targets = {
      ...DEFAULT_SLA_TARGETS,
      normal: { firstResponseHours: 3, resolutionHours: 30 },
      urgent: { firstResponseHours: 0.5, resolutionHours: 4 },
    };
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/sla",
      headers: admin,
      payload: { value: targets },
    });
    expect(saved.statusCode).toBe(200);
    const created = await createCase(t.deps, { subject: "Saved targets", customerId });
    if (!created.ok) throw new Error(created.error.message);
    expect(dueIn(created.value.first_response_due_at)).toBe(3);
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "By email" },
      contact: { kind: "email", value: "sla@example.com" },
      body: "Hello",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    expect(dueIn(inbound.value.case.resolution_due_at)).toBe(30);
    // Due times after a priority change count from the opening, stored by the database's clock: align it.
    await sql`UPDATE cases SET created_at = ${t.deps.clock.now()} WHERE id = ${created.value.id}`.execute(
      t.deps.db,
    );
    const urgent = await updateCase(t.deps, created.value.id, { priority: "urgent" });
    if (!urgent.ok) throw new Error(urgent.error.message);
    expect(dueIn(urgent.value.first_response_due_at)).toBe(0.5);
  });

  it("refuses targets that make no sense, naming the field", async () => {
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/v1/settings/sla",
      headers: admin,
      payload: { value: { ...DEFAULT_SLA_TARGETS, high: { firstResponseHours: 10, resolutionHours: 2 } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/high\.resolutionHours/);
  });
});
