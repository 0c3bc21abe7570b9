/** @module The supervisor dashboard: per-day anger, de-escalation, SLA, promises, CSAT and agent load. */
import type { Dashboard } from "@keel/contracts";
import type { JsonValue } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

/** A stored customer reading as the coach writes it (only the fields the dashboard reads). */
const reading = (anger: number, level: number, abusive = false): JsonValue => ({
  kind: "customer",
  coach_version: "test",
  result: { anger, anger_level: level, anger_label: "x", abusive },
});

describe.each(backends())("supervisor dashboard on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let supervisor: Record<string, string>;
  let agentHeaders: Record<string, string>;
  let agentId: string;
  let customerId: string;

  const newCase = async (columns: Record<string, Date | string | null> = {}) => {
    const row = await t.deps.db
      .insertInto("cases")
      .values({ subject: "Test", customer_id: customerId, ...columns })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const inbound = async (caseId: string, at: string, analysis: JsonValue) => {
    const row = await t.deps.db
      .insertInto("messages")
      .values({
        case_id: caseId,
        direction: "inbound",
        channel: "email",
        body: "…",
        analysis,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const outbound = async (caseId: string, at: string, author: string | null = agentId) => {
    const row = await t.deps.db
      .insertInto("messages")
      .values({
        case_id: caseId,
        direction: "outbound",
        channel: "email",
        body: "…",
        author_agent_id: author,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const dashboard = async (query: string, headers = supervisor) =>
    t.app.inject({ method: "GET", url: `/api/v1/analytics/dashboard${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.deps.clock.set("2026-11-02T09:00:00Z");
    supervisor = (await agentWithToken(t, "supervisor")).headers;
    const agent = await agentWithToken(t, "agent");
    agentHeaders = agent.headers;
    agentId = agent.agent.id;
    const customer = await t.deps.db
      .insertInto("customers")
      .values({ name: "Test customer" })
      .returning("id")
      .executeTakeFirstOrThrow();
    customerId = customer.id;
    const db = t.deps.db;

    // Calmer after our reply: 60 → 20.
    const calmed = await newCase();
    await inbound(calmed, "2026-10-30T10:00:00Z", reading(60, 2));
    await outbound(calmed, "2026-10-30T11:00:00Z");
    await inbound(calmed, "2026-10-31T09:00:00Z", reading(20, 0));

    // Angrier: the acknowledgment is not a reply, so "before" is the 55 written after it; 55 → 80.
    const angrier = await newCase();
    await inbound(angrier, "2026-10-30T10:00:00Z", reading(50, 2));
    const ack = await outbound(angrier, "2026-10-30T10:01:00Z", null);
    await db.insertInto("acknowledgments").values({ case_id: angrier, message_id: ack }).execute();
    await inbound(angrier, "2026-10-30T12:00:00Z", reading(55, 2, true));
    await outbound(angrier, "2026-10-31T10:00:00Z");
    await inbound(angrier, "2026-11-01T08:00:00Z", reading(80, 3, true));

    // Steady: 40 → 35 is within the 10-point margin.
    const steady = await newCase();
    await inbound(steady, "2026-10-29T10:00:00Z", reading(40, 2));
    await outbound(steady, "2026-10-29T11:00:00Z");
    await inbound(steady, "2026-10-30T09:00:00Z", reading(35, 2));

    // Not upset before the reply: left out of de-escalation.
    const calm = await newCase();
    await inbound(calm, "2026-10-30T10:00:00Z", reading(5, 0));
    await outbound(calm, "2026-10-30T11:00:00Z");
    await inbound(calm, "2026-10-30T15:00:00Z", reading(2, 0));

    // Before the range: no anger counted, no de-escalation.
    const old = await newCase();
    await inbound(old, "2026-10-01T10:00:00Z", reading(90, 3));

    // SLA: one late first response, one on time, one overdue and still running, one paused before its due time.
    await newCase({
      first_response_due_at: "2026-10-29T10:00:00Z",
      first_responded_at: "2026-10-29T12:00:00Z",
    });
    await newCase({
      first_response_due_at: "2026-10-29T10:00:00Z",
      first_responded_at: "2026-10-29T09:00:00Z",
    });
    await newCase({ first_response_due_at: "2026-11-01T10:00:00Z" });
    await newCase({ first_response_due_at: "2026-11-01T10:00:00Z", sla_paused_at: "2026-10-31T10:00:00Z" });
    // Resolution: resolved a day late; and one not due yet.
    await newCase({ resolution_due_at: "2026-10-30T10:00:00Z", resolved_at: "2026-10-31T10:00:00Z" });
    await newCase({ resolution_due_at: "2026-11-03T10:00:00Z" });

    // Promises: one overdue, one not yet due, one kept in the range.
    const promiseMessage = await outbound(calmed, "2026-10-30T11:30:00Z");
    const promise = (span: number, values: Record<string, string | null>) =>
      db
        .insertInto("promises")
        .values({
          case_id: calmed,
          message_id: promiseMessage,
          owner_agent_id: agentId,
          owed_by: "agent",
          kind: "update",
          text: "update you",
          span_text: "I'll update you",
          span_start: span,
          span_end: span + 5,
          confidence: 0.9,
          timezone: "UTC",
          created_at: "2026-10-30T11:30:00Z",
          ...values,
        })
        .execute();
    await promise(0, { due_at: "2026-11-01T17:00:00Z" });
    await promise(10, { due_at: "2026-11-05T17:00:00Z" });
    await promise(20, {
      due_at: "2026-10-31T17:00:00Z",
      status: "fulfilled",
      fulfilled_at: "2026-10-31T12:00:00Z",
    });

    // Follow-up answers: a bad one that reopened the case, two good ones.
    const followup = (answeredAt: string, csat: number, fixHeld: boolean, outcome: "closed" | "reopened") =>
      db
        .insertInto("followups")
        .values({
          case_id: calmed,
          due_at: "2026-10-30T00:00:00Z",
          sent_at: "2026-10-30T00:00:00Z",
          answered_at: answeredAt,
          csat,
          fix_held: fixHeld,
          outcome,
        })
        .execute();
    await followup("2026-10-31T09:00:00Z", 2, false, "reopened");
    await followup("2026-10-31T10:00:00Z", 5, true, "closed");
    await followup("2026-11-01T10:00:00Z", 4, true, "closed");

    // Hostility the agent took: two events in the range (one abusive), one before it.
    const load = (at: string, points: number, abusive: boolean) =>
      db
        .insertInto("agent_load_events")
        .values({
          agent_id: agentId,
          case_id: angrier,
          message_id: null,
          points,
          reason: "test",
          abusive,
          created_at: at,
        })
        .execute();
    await load("2026-10-30T12:00:00Z", 12.5, true);
    await load("2026-11-01T08:00:00Z", 30, false);
    await load("2026-10-01T08:00:00Z", 50, true);
  });
  afterAll(async () => t.close());

  it("gathers the week's figures, day by day", async () => {
    const response = await dashboard("?from=2026-10-27&to=2026-11-02");
    expect(response.statusCode).toBe(200);
    const body = response.json() as Dashboard;
    expect(body).toMatchObject({
      from: "2026-10-27",
      to: "2026-11-02",
      generatedAt: "2026-11-02T09:00:00.000Z",
    });
    expect(body.days.map((d) => d.day)).toEqual([
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
      "2026-11-02",
    ]);
    const day = (d: string) => body.days.find((x) => x.day === d);

    // 10-30: 60, 50, 55, 35, 5, 2 → mean 34.5, peak 60, one abusive.
    expect(day("2026-10-30")).toMatchObject({
      angerMessages: 6,
      angerAvg: 34.5,
      angerMax: 60,
      abusiveMessages: 1,
    });
    expect(day("2026-10-27")).toMatchObject({ angerMessages: 0, angerAvg: null, angerMax: null });
    expect(body.anger).toEqual({ messages: 9, avg: 38.6, max: 80 });

    expect(body.deescalation).toEqual({ cases: 3, fell: 1, steady: 1, rose: 1, rate: 0.333, minDrop: 10 });
    expect(day("2026-10-31")).toMatchObject({ deescalationCases: 1, deescalated: 1 });
    expect(day("2026-11-01")).toMatchObject({ deescalationCases: 1, deescalated: 0 });

    expect(body.sla).toEqual({ firstResponseBreaches: 2, resolutionBreaches: 1 });
    expect(day("2026-10-29")).toMatchObject({ firstResponseBreaches: 1 });
    expect(day("2026-11-01")).toMatchObject({ firstResponseBreaches: 1 });
    expect(day("2026-10-30")).toMatchObject({ resolutionBreaches: 1 });

    expect(body.promises).toEqual({ open: 2, overdue: 1, madeInRange: 3, keptInRange: 1 });

    expect(body.followups).toEqual({ answered: 3, csatAvg: 3.67, fixHeldRate: 0.667, reopened: 1 });
    expect(day("2026-10-31")).toMatchObject({ followupsAnswered: 2, csatAvg: 3.5, fixHeldRate: 0.5 });

    const agent = body.agents.find((a) => a.agentId === agentId);
    expect(agent).toMatchObject({
      role: "agent",
      repliesSent: 5,
      hostilityPoints: 42.5,
      hostileMessages: 2,
      abusiveMessages: 1,
      overduePromises: 1,
      loadLevel: "low",
      coolingDown: false,
    });
    // Only the event of 11-01 is still felt, halved every few hours since.
    expect(agent?.loadNow).toBeGreaterThan(0);
    expect(agent?.loadNow).toBeLessThan(30);
    // The most exposed agent comes first.
    expect(body.agents[0]?.agentId).toBe(agentId);
  });

  it("counts a case on the day of the latest reading inside the range", async () => {
    const body = (await dashboard("?from=2026-10-27&to=2026-10-31")).json() as Dashboard;
    // Up to 10-31 the angrier case has no reading after our reply yet.
    expect(body.deescalation).toMatchObject({ cases: 2, fell: 1, steady: 1, rose: 0, rate: 0.5 });
    expect(body.days).toHaveLength(5);
  });

  it("defaults to the last 14 days ending today", async () => {
    const body = (await dashboard("")).json() as Dashboard;
    expect(body).toMatchObject({ from: "2026-10-20", to: "2026-11-02" });
    expect(body.days).toHaveLength(14);
  });

  it("says what to fix in a bad range", async () => {
    const reversed = await dashboard("?from=2026-11-02&to=2026-10-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/must not be after/);
    const long = await dashboard("?from=2024-01-01&to=2026-11-02");
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 366/);
    const malformed = await dashboard("?from=yesterday");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe("querystring.from");
  });

  it("is for supervisors", async () => {
    expect((await dashboard("", agentHeaders)).statusCode).toBe(403);
    expect((await dashboard("", {})).statusCode).toBe(401);
  });
});
