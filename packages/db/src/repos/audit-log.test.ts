/** @module Audit log repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { listAuditFor, listRecentAudit, recordAudit } from "./audit-log.js";

const AGENT = "11111111-1111-4111-8111-111111111111";

describe.each(backends())("audit log on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("records who changed what with before and after, and lists an entity's history in order", async () => {
    const first = await recordAudit(t.db, {
      actorKind: "agent",
      actorId: AGENT,
      entity: "case",
      entityId: "c1",
      action: "status_changed",
      before: { status: "new" },
      after: { status: "open" },
    });
    const second = await recordAudit(t.db, {
      actorKind: "system",
      entity: "case",
      entityId: "c1",
      action: "sla_breached",
    });
    await recordAudit(t.db, { actorKind: "system", entity: "case", entityId: "c2", action: "created" });
    if (!first.ok || !second.ok) throw new Error("record failed");
    expect(first.value).toMatchObject({ actor_kind: "agent", actor_id: AGENT, before: { status: "new" } });
    expect(second.value).toMatchObject({ actor_id: null, before: null, after: null });
    const history = await listAuditFor(t.db, "case", "c1");
    expect(history.map((e) => e.action)).toEqual(["status_changed", "sla_breached"]);
    const recent = await listRecentAudit(t.db, { limit: 2 });
    expect(recent.map((e) => e.entity_id)).toEqual(["c2", "c1"]);
    const last = recent.at(-1);
    const older = await listRecentAudit(t.db, { before: last?.at ?? new Date() });
    expect(older.map((e) => e.action)).toEqual(["status_changed"]);
  });

  it("refuses an actor id that is not a uuid", async () => {
    const bad = await recordAudit(t.db, {
      actorKind: "agent",
      actorId: "bob",
      entity: "x",
      entityId: "1",
      action: "a",
    });
    expect(bad.ok ? null : bad.error.code).toBe("invalid");
  });
});
