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
    expect(recent.ok && recent.value.map((e) => e.entity_id)).toEqual(["c2", "c1"]);
  });

  it("pages through entries that share a millisecond without losing or repeating one", async () => {
    // Written within one millisecond, as a burst of messages is: `at` keeps microseconds, a Date does not.
    const at = [
      "2020-01-01 00:00:00.000100+00",
      "2020-01-01 00:00:00.000200+00",
      "2020-01-01 00:00:00.000300+00",
    ];
    await t.db
      .insertInto("audit_log")
      .values(
        at.map((when, i) => ({
          actor_kind: "system",
          entity: "burst",
          entity_id: `b${i}`,
          action: "created",
          at: when,
        })),
      )
      .execute();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listRecentAudit(t.db, {
        limit: 1,
        before: new Date("2020-01-02"),
        ...(cursor ? { beforeId: cursor } : {}),
      });
      if (!result.ok) throw new Error(result.error.message);
      const entry = result.value[0];
      if (entry === undefined) break;
      seen.push(entry.entity_id);
      cursor = entry.id;
    }
    expect(seen).toEqual(["b2", "b1", "b0"]);
  });

  it("pages by time alone at the millisecond, and says so when the entry to page from is unknown", async () => {
    const older = await listRecentAudit(t.db, { before: new Date("2020-01-01T00:00:00.001Z") });
    expect(older.ok && older.value.map((e) => e.entity_id)).toEqual(["b2", "b1", "b0"]);
    const none = await listRecentAudit(t.db, { before: new Date("2020-01-01T00:00:00.000Z") });
    expect(none.ok && none.value).toEqual([]);
    const unknown = await listRecentAudit(t.db, { beforeId: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: "not_found" });
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
