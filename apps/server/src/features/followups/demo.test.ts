/** @module The follow-up and acknowledgment demo: answered follow-ups (good and bad), one due, acknowledgments on open cases. */
import { getAcknowledgment } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { createAgent } from "../agents/service.js";
import { SYSTEM_ACTOR } from "../audit/service.js";
import { demoConfig, seedInformedDemo } from "../informed/demo.js";
import { addInboundMessage } from "../messages/service.js";
import { seedFollowupDemo } from "./demo.js";
import { sendDueFollowups } from "./send-job.js";

describe.each(backends())("follow-up demo on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  const clock = new ManualClock("2026-11-20T12:00:00Z");
  const jobs = new RecordingJobs();
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    for (const [email, role] of [
      ["priya@keel.demo", "agent"],
      ["tomas@keel.demo", "agent"],
      ["grace@keel.demo", "agent"],
      ["supervisor@keel.demo", "supervisor"],
    ] as const) {
      const created = await createAgent(
        { db: t.db },
        { email, name: email.split("@")[0] ?? email, role, password: "correct horse battery" },
        SYSTEM_ACTOR,
      );
      if (!created.ok) throw new Error(created.error.message);
    }
  });
  afterAll(async () => t?.drop());

  it("seeds answered follow-ups, a due one and acknowledgments", async () => {
    expect(await seedFollowupDemo({ db: t.db, clock, jobs })).toBe(4);
    const followups = await t.db
      .selectFrom("followups")
      .innerJoin("cases", "cases.id", "followups.case_id")
      .select(["followups.outcome", "followups.csat", "followups.sent_at", "cases.status", "cases.priority"])
      .orderBy("followups.created_at")
      .execute();
    expect(followups.map((f) => [f.outcome, f.status])).toEqual([
      ["closed", "closed"],
      ["closed", "closed"],
      ["reopened", "open"],
      [null, "resolved"],
    ]);
    expect(followups[2]?.priority).toBe("high");
    const alerts = await t.db.selectFrom("notifications").select("kind").execute();
    expect(alerts.map((a) => a.kind)).toEqual(["followup_reopened", "followup_reopened"]);

    const report = await sendDueFollowups({ db: t.db, clock, jobs, config: demoConfig(undefined) });
    expect(report.sent).toHaveLength(1);

    const reopened = await t.db
      .selectFrom("cases")
      .select("id")
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    expect((await getAcknowledgment(t.db, reopened.id))?.message_id).not.toBeNull();

    // A case still waiting for its first reply gets the acknowledgment it would have had when it opened.
    const waiting = await addInboundMessage(
      { db: t.db, clock, jobs },
      {
        newCase: { subject: "Wrong colour delivered" },
        contact: { kind: "email", value: "sam@example.com", name: "Sam" },
        body: "I ordered blue and got red.",
        channel: "email",
        receivedAt: new Date(clock.now().getTime() - 5 * 3_600_000),
      },
    );
    if (!waiting.ok) throw new Error(waiting.error.message);
    expect(await seedInformedDemo({ db: t.db, clock, jobs })).toBe(1);
    expect((await getAcknowledgment(t.db, waiting.value.case.id))?.message_id).not.toBeNull();
  });
});
