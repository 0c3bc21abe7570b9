/** @module SLA job driven by the manual clock: one bump per missed first response, one escalation per missed resolution. */
import { getCase } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { type CoreDeps, createCase } from "../cases/service.js";
import { checkSla, FIRST_RESPONSE_TAG, queueSlaCheck, RESOLUTION_TAG, SLA_CHECK_QUEUE } from "./sla-job.js";

const HOUR = 3_600_000;

describe.each(backends())("SLA job on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let deps: CoreDeps & { clock: ManualClock; jobs: RecordingJobs };
  let caseId = "";
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    deps = { db: t.db, clock: new ManualClock("2026-11-02T09:00:00Z"), jobs: new RecordingJobs() };
    const customer = await t.db
      .insertInto("customers")
      .values({ name: "Ben" })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = await createCase(deps, {
      subject: "No refund",
      customerId: customer.id,
      priority: "normal",
    });
    if (!created.ok) throw new Error(created.error.message);
    caseId = created.value.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const current = async () => {
    const found = await getCase(t.db, caseId);
    if (!found.ok) throw new Error("case gone");
    return found.value;
  };
  const breachEvents = () =>
    deps.jobs.sent.filter((j) => (j.data as { event?: string }).event === "case.sla_breached");

  it("does nothing while the case is within its targets", async () => {
    deps.clock.advance(HOUR);
    expect(await checkSla(deps)).toEqual({ overdue: 0, bumped: [], escalated: [] });
    expect((await current()).priority).toBe("normal");
  });

  it("bumps the priority once when the first response is missed, and announces it", async () => {
    deps.clock.advance(8 * HOUR);
    const report = await checkSla(deps);
    expect(report.bumped).toEqual([caseId]);
    const kase = await current();
    expect(kase.priority).toBe("high");
    expect(kase.tags).toContain(FIRST_RESPONSE_TAG);
    expect(breachEvents()).toHaveLength(1);
    expect((await checkSla(deps)).bumped).toEqual([]);
    expect((await current()).priority).toBe("high");
    expect(breachEvents()).toHaveLength(1);
  });

  it("escalates once when the resolution is missed", async () => {
    deps.clock.advance(80 * HOUR);
    expect((await checkSla(deps)).escalated).toEqual([caseId]);
    expect((await current()).tags).toEqual(expect.arrayContaining(["escalated", RESOLUTION_TAG]));
    expect((await checkSla(deps)).escalated).toEqual([]);
    expect(breachEvents()).toHaveLength(2);
  });

  it("queues the periodic check as a singleton", async () => {
    await queueSlaCheck(deps.jobs);
    expect(deps.jobs.sent.at(-1)).toMatchObject({
      queue: SLA_CHECK_QUEUE,
      options: { singletonKey: "sla-check" },
    });
  });
});
