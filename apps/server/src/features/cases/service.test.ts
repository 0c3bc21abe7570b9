import { createCustomer } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { bumpPriority, createCase, escalate, findOverdueCases, setStatus } from "./service.js";

const HOUR = 3_600_000;

describe.each(backends())("case service on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    customerId = (await createCustomer(t.deps.db, { name: "Ada" })).id;
  });
  afterAll(async () => t.close());

  it("sets due times from the priority and announces the case", async () => {
    const created = await createCase(t.deps, { subject: "Broken", customerId, priority: "urgent" });
    if (!created.ok) throw new Error(created.error.message);
    const now = t.deps.clock.now().getTime();
    expect(created.value.first_response_due_at?.getTime()).toBe(now + HOUR);
    expect(created.value.resolution_due_at?.getTime()).toBe(now + 8 * HOUR);
    expect(t.deps.jobs.sent.at(-1)?.data).toMatchObject({ event: "case.created" });
  });

  it("stops the SLA clock while waiting on the customer and shifts the due times on resume", async () => {
    const created = await createCase(t.deps, { subject: "Waiting", customerId, priority: "high" });
    if (!created.ok) throw new Error(created.error.message);
    const due = created.value.resolution_due_at?.getTime() ?? 0;
    const paused = await setStatus(t.deps, created.value.id, "pending_customer");
    expect(paused.ok && paused.value.sla_paused_at).toBeTruthy();
    t.deps.clock.advance(3 * HOUR);
    const resumed = await setStatus(t.deps, created.value.id, "open");
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(resumed.value.sla_paused_at).toBeNull();
    expect(resumed.value.sla_paused_seconds).toBe(3 * 3600);
    expect(resumed.value.resolution_due_at?.getTime()).toBe(due + 3 * HOUR);
  });

  it("finds overdue cases but not paused or resolved ones", async () => {
    const late = await createCase(t.deps, { subject: "Late", customerId, priority: "urgent" });
    const paused = await createCase(t.deps, { subject: "Paused", customerId, priority: "urgent" });
    if (!late.ok || !paused.ok) throw new Error("setup");
    await setStatus(t.deps, paused.value.id, "pending_customer");
    const overdue = await findOverdueCases(t.deps.db, new Date(t.deps.clock.now().getTime() + 2 * HOUR));
    const ids = overdue.map((o) => o.case.id);
    expect(ids).toContain(late.value.id);
    expect(ids).not.toContain(paused.value.id);
    expect(overdue.find((o) => o.case.id === late.value.id)?.breaches).toEqual(["first_response"]);
  });

  it("bumps priority one step and escalates with a tag", async () => {
    const created = await createCase(t.deps, { subject: "Slow", customerId, priority: "low" });
    if (!created.ok) throw new Error(created.error.message);
    const bumped = await bumpPriority(t.deps, created.value.id);
    expect(bumped.ok && bumped.value.priority).toBe("normal");
    const escalated = await escalate(t.deps, created.value.id);
    expect(escalated.ok && escalated.value.priority).toBe("high");
    expect(escalated.ok && escalated.value.tags).toContain("escalated");
  });

  it("answers not_found for an unknown case", async () => {
    const result = await setStatus(t.deps, "00000000-0000-4000-8000-000000000000", "open");
    expect(result.ok ? "ok" : result.error.code).toBe("not_found");
  });
});
