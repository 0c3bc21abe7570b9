/** @module Case repository on every backend: queue order, filters, updates and the SLA pause clock. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createAgent } from "./agents.js";
import {
  createCase,
  findCaseByPortalTokenHash,
  getCase,
  getCaseByNumber,
  listCases,
  type NewCase,
  normaliseTags,
  pauseSla,
  resumeSla,
  updateCase,
} from "./cases.js";
import { createCustomer } from "./customers.js";

const MISSING = "00000000-0000-4000-8000-000000000000";
const at = (iso: string) => new Date(iso);

describe("normaliseTags", () => {
  it("trims, lower-cases, de-duplicates and sorts", () => {
    expect(normaliseTags([" Refund", "refund", "VIP", ""])).toEqual(["refund", "vip"]);
  });
});

describe.each(backends())("cases on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let customer: Customer;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    customer = await createCustomer(t.db, { name: "Sam" });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates a case with defaults, a number, and reads it by id, number and portal token hash", async () => {
    const created = await createCase(t.db, {
      subject: "Charged twice",
      customerId: customer.id,
      tags: ["Billing", "billing"],
      firstResponseDueAt: at("2026-11-25T10:00:00Z"),
      portalTokenHash: "hash-1",
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({
      status: "new",
      priority: "normal",
      tags: ["billing"],
      sla_paused_at: null,
      sla_paused_seconds: 0,
      assignee_id: null,
    });
    expect(created.value.first_response_due_at?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(created.value.number).toBeGreaterThan(0);
    expect(await getCase(t.db, created.value.id)).toEqual(created);
    expect(await getCaseByNumber(t.db, created.value.number)).toEqual(created);
    expect((await findCaseByPortalTokenHash(t.db, "hash-1"))?.id).toBe(created.value.id);
    expect(await findCaseByPortalTokenHash(t.db, "nope")).toBeUndefined();
  });

  it("lists a queue most urgent first, filtered by status, priority, assignee, tag and customer", async () => {
    const other = await createCustomer(t.db, { name: "Queue owner" });
    const agent = await createAgent(t.db, { email: "q@example.com", name: "Q", role: "agent" });
    if (!agent.ok) throw new Error(agent.error.message);
    const make = async (subject: string, extra: Partial<NewCase>) => {
      const made = await createCase(t.db, { subject, customerId: other.id, ...extra });
      if (!made.ok) throw new Error(made.error.message);
      return made.value;
    };
    const low = await make("low", { priority: "low" });
    const urgent = await make("urgent", { priority: "urgent", assigneeId: agent.value.id, tags: ["vip"] });
    const normal = await make("normal", { status: "open" });
    const high = await make("high", { priority: "high", status: "pending_customer" });
    const queue = await listCases(t.db, { customerId: other.id });
    expect(queue.map((c) => c.subject)).toEqual(["urgent", "high", "normal", "low"]);
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    expect(
      ids(await listCases(t.db, { customerId: other.id, statuses: ["open", "pending_customer"] })),
    ).toEqual([high.id, normal.id]);
    expect(ids(await listCases(t.db, { customerId: other.id, priorities: ["low"] }))).toEqual([low.id]);
    expect(ids(await listCases(t.db, { assigneeId: agent.value.id }))).toEqual([urgent.id]);
    expect(ids(await listCases(t.db, { customerId: other.id, assigneeId: null }))).toHaveLength(3);
    expect(ids(await listCases(t.db, { tag: "VIP" }))).toEqual([urgent.id]);
    expect(ids(await listCases(t.db, { customerId: other.id, limit: 1, offset: 1 }))).toEqual([high.id]);
  });

  it("updates fields and normalises tags; reports unknown cases and references", async () => {
    const created = await createCase(t.db, { subject: "Late delivery", customerId: customer.id });
    if (!created.ok) throw new Error(created.error.message);
    const updated = await updateCase(t.db, created.value.id, {
      status: "resolved",
      priority: "high",
      tags: ["Shipping"],
      resolvedAt: at("2026-11-25T12:00:00Z"),
    });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value).toMatchObject({ status: "resolved", priority: "high", tags: ["shipping"] });
    expect(updated.value.resolved_at?.toISOString()).toBe("2026-11-25T12:00:00.000Z");
    const codes = [
      await getCase(t.db, MISSING),
      await getCase(t.db, "42"),
      await getCaseByNumber(t.db, 999_999),
      await updateCase(t.db, MISSING, { subject: "x" }),
      await updateCase(t.db, created.value.id, { assigneeId: MISSING }),
      await createCase(t.db, { subject: "x", customerId: MISSING }),
    ].map((r) => (r.ok ? "ok" : r.error.code));
    expect(codes).toEqual(["not_found", "not_found", "not_found", "not_found", "not_found", "not_found"]);
  });

  it("refuses a portal token hash used by another case", async () => {
    await createCase(t.db, { subject: "a", customerId: customer.id, portalTokenHash: "shared" });
    const second = await createCase(t.db, {
      subject: "b",
      customerId: customer.id,
      portalTokenHash: "shared",
    });
    expect(second.ok ? null : second.error.code).toBe("duplicate");
  });

  it("pauses and resumes the SLA clock, summing paused seconds", async () => {
    const created = await createCase(t.db, { subject: "Waiting on photos", customerId: customer.id });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const paused = await pauseSla(t.db, id, at("2026-11-25T09:00:00Z"));
    expect(paused.ok && paused.value.sla_paused_at?.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    const twice = await pauseSla(t.db, id, at("2026-11-25T09:30:00Z"));
    expect(twice.ok ? null : twice.error.code).toBe("conflict");
    const resumed = await resumeSla(t.db, id, at("2026-11-25T10:30:00Z"));
    expect(resumed.ok && resumed.value.sla_paused_seconds).toBe(5400);
    expect(resumed.ok && resumed.value.sla_paused_at).toBeNull();
    await pauseSla(t.db, id, at("2026-11-25T11:00:00Z"));
    const second = await resumeSla(t.db, id, at("2026-11-25T11:00:30.900Z"));
    expect(second.ok && second.value.sla_paused_seconds).toBe(5430);
    const notPaused = await resumeSla(t.db, id, at("2026-11-25T12:00:00Z"));
    expect(notPaused.ok ? null : notPaused.error.code).toBe("conflict");
    // A resume stamped before the pause (clock skew) never subtracts time.
    await pauseSla(t.db, id, at("2026-11-25T13:00:00Z"));
    const skewed = await resumeSla(t.db, id, at("2026-11-25T12:59:00Z"));
    expect(skewed.ok && skewed.value.sla_paused_seconds).toBe(5430);
    for (const result of [
      await pauseSla(t.db, MISSING, new Date()),
      await resumeSla(t.db, MISSING, new Date()),
    ]) {
      expect(result.ok ? null : result.error.code).toBe("not_found");
    }
  });
});
