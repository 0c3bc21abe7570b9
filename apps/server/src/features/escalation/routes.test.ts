/** @module Escalation through the API: versioned rules, rules firing on inbound messages, the queue, the SLA path. */

import { backends } from "@keel/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reactionsSettled } from "../../reactions/deferred.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { slaSetting } from "../cases/sla-setting.js";
import { checkSla } from "../sla/sla-job.js";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";

const HOUR = 3_600_000;
const LEGAL = "If this isn't fixed I will take legal action and report you to the ombudsman.";
const ANGRY =
  "My order is two weeks late and nobody answers my emails. This is really not good enough, I am angry.";
const CALM = "Hi, could you tell me when my parcel will arrive? Order #A-100.";
const VULNERABLE =
  "Hello, my husband passed away last month and I can't afford this bill on my pension. Could someone call me?";

type Headers = Record<string, string>;

describe.each(backends())("escalation on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let agent: Awaited<ReturnType<typeof agentWithToken>>;
  let supervisor: Awaited<ReturnType<typeof agentWithToken>>;
  let otherSupervisor: Awaited<ReturnType<typeof agentWithToken>>;
  let admin: Awaited<ReturnType<typeof agentWithToken>>;
  let customerId = "";
  const email = "dana@example.com";

  beforeAll(async () => {
    t = await createTestApp(backend);
    agent = await agentWithToken(t, "agent");
    supervisor = await agentWithToken(t, "supervisor");
    otherSupervisor = await agentWithToken(t, "supervisor");
    admin = await agentWithToken(t, "admin");
    const customer = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers: agent.headers,
      payload: { name: "Dana Whitfield", contacts: [{ kind: "email", value: email }] },
    });
    customerId = customer.json().id;
  });
  afterAll(async () => t.close());

  const call = (method: "GET" | "POST" | "PUT" | "PATCH", url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload }) });
  const newCase = async (subject: string, customer = customerId) =>
    (await call("POST", "/cases", agent.headers, { subject, customerId: customer })).json().id as string;
  const inbound = async (caseId: string, body: string, from = email) => {
    const res = await call("POST", `/cases/${caseId}/messages`, agent.headers, {
      direction: "inbound",
      body,
      contact: { kind: "email", value: from },
    });
    expect(res.statusCode).toBe(201);
    // Rules run as the message's reactions, right after its commit.
    await reactionsSettled(t.deps);
    return res.json().message.id as string;
  };
  const queue = async (query = "") => {
    const res = await call("GET", `/escalations${query}`, supervisor.headers);
    expect(res.statusCode).toBe(200);
    return res.json().escalations as Array<Record<string, unknown> & { id: string; caseId: string }>;
  };
  const forCase = async (caseId: string, query = "?status=open&status=taken&status=resolved") =>
    (await queue(query)).filter((e) => e.caseId === caseId);

  it("keeps the rules versioned: built-in defaults, admin saves, every version listed, stale edits refused", async () => {
    const builtIn = await call("GET", "/escalation/rules", supervisor.headers);
    expect(builtIn.json()).toMatchObject({ version: 0, builtIn: true, createdAt: null });
    expect(builtIn.json().rules.map((r: { id: string }) => r.id)).toContain("legal-threat");
    expect((await call("GET", "/escalation/rules", agent.headers)).statusCode).toBe(403);

    const lowered = DEFAULT_ESCALATION_RULES.map((r) =>
      r.id === "unresolved-replies" ? { ...r, conditions: { unresolvedRepliesAtLeast: 3 } } : r,
    );
    expect((await call("PUT", "/escalation/rules", agent.headers, { rules: lowered })).statusCode).toBe(403);
    expect((await call("PUT", "/escalation/rules", supervisor.headers, { rules: lowered })).statusCode).toBe(
      403,
    );
    const first = await call("PUT", "/escalation/rules", admin.headers, { rules: lowered, baseVersion: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, builtIn: false, authorAgentId: admin.agent.id });
    const second = await call("PUT", "/escalation/rules", admin.headers, {
      rules: DEFAULT_ESCALATION_RULES,
      baseVersion: 1,
    });
    expect(second.json().version).toBe(2);
    const stale = await call("PUT", "/escalation/rules", admin.headers, { rules: lowered, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);

    const versions = await call("GET", "/escalation/rules/versions", supervisor.headers);
    expect(versions.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1, 0]);
    const v1 = versions.json().versions[1];
    expect(v1.rules.find((r: { id: string }) => r.id === "unresolved-replies").conditions).toEqual({
      unresolvedRepliesAtLeast: 3,
    });
    const current = await call("GET", "/escalation/rules", supervisor.headers);
    expect(current.json().version).toBe(2);
  });

  it("refuses a bad rule with the field to fix, and keeps the rules in force", async () => {
    const good = DEFAULT_ESCALATION_RULES[0];
    const put = (rules: unknown[]) => call("PUT", "/escalation/rules", admin.headers, { rules });
    const cases: Array<[unknown[], string]> = [
      [[{ ...good, id: "Bad Id" }], "body.rules.0.id"],
      [[{ ...good, conditions: {} }], "body.rules.0.conditions"],
      [[{ ...good, conditions: { angerAbove: 3 } }], "body.rules.0.conditions"],
      [[{ ...good, conditions: { angerAtLeast: "livid" } }], "body.rules.0.conditions.angerAtLeast"],
      [[{ ...good, conditions: { csatAtMost: 9 } }], "body.rules.0.conditions.csatAtMost"],
      [[good, { ...good, name: "Again" }], "body.rules.1.id"],
      [
        [
          {
            ...good,
            action: { kind: "escalate", priority: "high", teamId: "6f1c2b1e-1111-4222-8333-944445555666" },
          },
        ],
        "body.rules.0.action.teamId",
      ],
    ];
    for (const [rules, field] of cases) {
      const res = await put(rules);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: "validation_failed", field });
      expect(res.json().error.message.length).toBeGreaterThan(10);
    }
    expect((await call("GET", "/escalation/rules", supervisor.headers)).json().version).toBe(2);
  });

  let legalCase = "";
  let legalMessage = "";

  it("escalates when a rule fires on an inbound message: queue, tag, priority, audit, notice, webhook", async () => {
    legalCase = await newCase("Broken boiler");
    const calm = await inbound(legalCase, CALM);
    expect(await forCase(legalCase)).toEqual([]);
    legalMessage = await inbound(legalCase, LEGAL);

    const [escalation] = await forCase(legalCase);
    expect(escalation).toMatchObject({
      source: "rule",
      status: "open",
      severity: 3,
      ruleName: "Legal or regulator threat",
      requestedByAgentId: null,
    });
    const reasons = escalation?.reasons as Array<{ kind: string; messageIds: string[]; explanation: string }>;
    expect(reasons[0]).toMatchObject({ kind: "legal_threat", messageIds: [legalMessage] });
    const brief = escalation?.brief as { citations: string[]; timeline: Array<{ messageId: string }> };
    expect(brief.citations).toContain(legalMessage);
    expect(brief.timeline.map((e) => e.messageId)).toEqual([calm, legalMessage]);
    expect(escalation?.markdown).toContain("## Handoff: case #");

    const kase = (await call("GET", `/cases/${legalCase}`, agent.headers)).json();
    expect(kase.tags).toContain("escalated");
    expect(kase.priority).toBe("high");
    const audit = (await call("GET", `/cases/${legalCase}/audit`, agent.headers)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toContain("escalate");
    const notices = (await call("GET", "/notifications", supervisor.headers)).json().notifications;
    expect(notices).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "escalation", caseId: legalCase })]),
    );
    const events = t.deps.jobs.sent.filter((j) => (j.data as { event?: string }).event === "case.escalated");
    expect(events.map((j) => (j.data as { payload: { case_id: string } }).payload.case_id)).toEqual([
      legalCase,
    ]);
  });

  it("never escalates the same case twice while it is in the queue", async () => {
    await inbound(legalCase, `${LEGAL} I want to speak to a manager now!!!`);
    expect(await forCase(legalCase)).toHaveLength(1);
    const byAgent = await call("POST", `/cases/${legalCase}/escalate`, agent.headers, {
      note: "Please help",
    });
    expect(byAgent.statusCode).toBe(200);
    expect(byAgent.json()).toMatchObject({ created: false, escalation: { source: "rule" } });
    expect(await forCase(legalCase)).toHaveLength(1);
  });

  it("lets any agent escalate with one action, with their note and the brief", async () => {
    const caseId = await newCase("Where is my parcel");
    const message = await inbound(caseId, CALM);
    const res = await call("POST", `/cases/${caseId}/escalate`, agent.headers, {
      note: "Customer sounds confused; please call.",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      created: true,
      escalation: {
        source: "agent",
        ruleName: null,
        severity: 2,
        requestedByAgentId: agent.agent.id,
        note: "Customer sounds confused; please call.",
        status: "open",
      },
      case: { priority: "high" },
    });
    expect(res.json().case.tags).toContain("escalated");
    expect(res.json().escalation.brief.timeline[0].messageId).toBe(message);

    const bare = await newCase("No body needed");
    await inbound(bare, CALM);
    const oneClick = await t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${bare}/escalate`,
      headers: agent.headers,
    });
    expect(oneClick.statusCode).toBe(201);
    expect((await call("POST", `/cases/${bare}/escalate`, agent.headers, {})).json().created).toBe(false);
  });

  it("tells the agent why escalation is advised and which rules would fire", async () => {
    const caseId = await newCase("Bill too high");
    const message = await inbound(caseId, VULNERABLE);
    const advice = (await call("GET", `/cases/${caseId}/escalation`, agent.headers)).json();
    expect(advice).toMatchObject({
      caseId,
      escalated: false,
      escalation: null,
      advised: true,
      ruleSetVersion: 2,
    });
    expect(advice.signals[0]).toMatchObject({ kind: "vulnerable_customer", messageIds: [message] });
    expect(advice.signals[0].explanation).toMatch(/passed away/);
    const fired = advice.rules.filter((r: { fires: boolean }) => r.fires);
    expect(fired).toEqual([expect.objectContaining({ id: "vulnerable-customer", kind: "advise" })]);
    // An "advise" rule tells the agent; it does not queue the case.
    expect(await forCase(caseId)).toEqual([]);

    // The customer's answer to the follow-up after resolution counts as their CSAT.
    const rated = await newCase("Fix did not hold");
    await inbound(rated, CALM);
    const now = t.deps.clock.now();
    await t.deps.db
      .insertInto("followups")
      .values({
        case_id: rated,
        due_at: now,
        sent_at: now,
        answered_at: now,
        fix_held: false,
        csat: 1,
        outcome: "reopened",
      })
      .execute();
    const low = (await call("GET", `/cases/${rated}/escalation`, agent.headers)).json();
    expect(low.rules.find((r: { id: string }) => r.id === "low-csat")).toMatchObject({
      fires: true,
      reasons: [{ kind: "low_csat", explanation: "The customer rated us 1/5." }],
    });

    const escalated = (await call("GET", `/cases/${legalCase}/escalation`, agent.headers)).json();
    expect(escalated).toMatchObject({ escalated: true, advised: true, escalation: { caseId: legalCase } });
    expect((await call("GET", `/cases/${crypto.randomUUID()}/escalation`, agent.headers)).statusCode).toBe(
      404,
    );
  });

  it("serves a fresh brief as JSON and Markdown, citing the messages it draws on", async () => {
    const res = await call("GET", `/cases/${legalCase}/brief`, agent.headers);
    expect(res.statusCode).toBe(200);
    const { brief, markdown } = res.json();
    const ids = (await call("GET", `/cases/${legalCase}/messages`, agent.headers))
      .json()
      .messages.map((m: { id: string }) => m.id);
    expect(brief.citations.length).toBeGreaterThan(0);
    for (const id of brief.citations) expect(ids).toContain(id);
    expect(brief.threats.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(["legal"]));
    expect(brief.generatedAt).toBe(t.deps.clock.now().toISOString());
    expect(markdown).toContain(legalMessage);
  });

  it("lets a supervisor take an escalation (and the case) and resolve it; agents cannot", async () => {
    const [escalation] = await forCase(legalCase);
    const id = escalation?.id ?? "";
    expect((await call("GET", "/escalations", agent.headers)).statusCode).toBe(403);
    expect((await call("POST", `/escalations/${id}/take`, agent.headers)).statusCode).toBe(403);

    const taken = await call("POST", `/escalations/${id}/take`, supervisor.headers);
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({
      escalation: { status: "taken", takenByAgentId: supervisor.agent.id },
      case: { assigneeId: supervisor.agent.id },
    });
    expect((await call("POST", `/escalations/${id}/take`, otherSupervisor.headers)).statusCode).toBe(409);
    expect((await call("POST", `/escalations/${id}/take`, supervisor.headers)).statusCode).toBe(200);

    const resolved = await call("POST", `/escalations/${id}/resolve`, supervisor.headers, {
      note: "Called her.",
    });
    expect(resolved.json()).toMatchObject({
      escalation: { status: "resolved", resolutionNote: "Called her." },
    });
    expect(resolved.json().case.tags).not.toContain("escalated");
    expect((await call("POST", `/escalations/${id}/resolve`, supervisor.headers, {})).statusCode).toBe(409);
    expect(
      (await call("POST", `/escalations/${crypto.randomUUID()}/take`, supervisor.headers)).statusCode,
    ).toBe(404);
    expect(await forCase(legalCase, "")).toEqual([]);
    expect((await forCase(legalCase, "?status=resolved")).map((e) => e.id)).toEqual([id]);
  });

  it("escalates again after a resolution only on new evidence", async () => {
    await inbound(legalCase, "Thanks for the call, that helps.");
    expect(await forCase(legalCase, "")).toEqual([]);
    const fresh = await inbound(legalCase, LEGAL);
    const [again] = await forCase(legalCase, "");
    expect(again?.status).toBe("open");
    const reasons = (again?.reasons ?? []) as Array<{ messageIds: string[] }>;
    expect(reasons[0]?.messageIds).toContain(fresh);
  });

  it("orders the queue most severe first within a status", async () => {
    const open = await queue("?status=open");
    const severities = open.map((e) => e.severity as number);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(open.length).toBeGreaterThanOrEqual(3);
  });

  it("tells the agent on the case when a rule sends it to a supervisor", async () => {
    const kase = (
      await call("POST", "/cases", agent.headers, {
        subject: "Leaking roof",
        customerId,
        assigneeId: agent.agent.id,
      })
    ).json().id as string;
    await inbound(kase, LEGAL);
    const mine = await call("GET", "/notifications?kind=case_escalated", agent.headers);
    expect(mine.json().notifications).toContainEqual(
      expect.objectContaining({ kind: "case_escalated", caseId: kase, to: "me" }),
    );
  });

  it("raises the priority with the SLA targets an admin saved, not those the server started with", async () => {
    const hours = (first: number, resolution: number) => ({
      firstResponseHours: first,
      resolutionHours: resolution,
    });
    const saved = await call("PUT", "/settings/sla", admin.headers, {
      value: { urgent: hours(1, 8), high: hours(2, 10), normal: hours(24, 120), low: hours(48, 240) },
    });
    expect(saved.statusCode).toBe(200);
    const kase = await newCase("Boiler out in winter");
    // Opened now by the test clock, with no due time yet: the raise alone sets it.
    await sql`UPDATE cases SET created_at = ${t.deps.clock.now()}, resolution_due_at = NULL WHERE id = ${kase}`.execute(
      t.deps.db,
    );
    const escalated = await call("POST", `/cases/${kase}/escalate`, agent.headers, {
      note: "Elderly customer.",
    });
    const after = escalated.json().case;
    expect(after.priority).toBe("high");
    const opened = Date.parse(after.createdAt);
    expect(Date.parse(after.resolutionDueAt) - opened).toBe(10 * 3_600_000);
    // The later tests run with the targets the server started with.
    await call("PUT", "/settings/sla", admin.headers, { value: slaSetting.defaultValue });
  });

  it("answers a resolving PATCH with the case as stored, without the escalation's tag", async () => {
    const kase = await newCase("Escalated then resolved");
    const escalated = await call("POST", `/cases/${kase}/escalate`, agent.headers, {
      note: "Needs a manager.",
    });
    expect(escalated.json().case.tags).toContain("escalated");
    const resolved = await call("PATCH", `/cases/${kase}`, agent.headers, { status: "resolved" });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().tags).not.toContain("escalated");
  });

  it("treats VIP customers sooner: an angry VIP is escalated, an angry regular customer is not", async () => {
    const vipCustomer = await call("POST", "/customers", agent.headers, {
      name: "Victor Ip",
      contacts: [{ kind: "email", value: "victor@example.com" }],
    });
    const vipId = vipCustomer.json().id;
    expect((await call("PUT", `/customers/${vipId}/vip`, agent.headers, { vip: true })).statusCode).toBe(403);
    const marked = await call("PUT", `/customers/${vipId}/vip`, supervisor.headers, { vip: true });
    expect(marked.json()).toEqual({ customerId: vipId, vip: true });

    const regular = await newCase("Late order");
    await inbound(regular, ANGRY);
    expect(await forCase(regular)).toEqual([]);
    const vipCase = await newCase("Late order", vipId);
    await inbound(vipCase, ANGRY, "victor@example.com");
    expect((await forCase(vipCase))[0]).toMatchObject({ ruleName: "Angry VIP customer", source: "rule" });

    // Resolving the case takes its escalation out of the queue.
    await call("PATCH", `/cases/${vipCase}`, agent.headers, { status: "resolved" });
    expect((await forCase(vipCase))[0]).toMatchObject({
      status: "resolved",
      resolutionNote: "The case was resolved.",
    });
    expect((await call("GET", `/cases/${vipCase}`, agent.headers)).json().tags).not.toContain("escalated");
  });

  it("escalates through the SLA job: rules on a missed first response, always on a missed resolution", async () => {
    const angry = await newCase("Still waiting");
    await inbound(angry, ANGRY);
    const silent = await newCase("Quiet case");
    expect(await forCase(angry)).toEqual([]);

    t.deps.clock.advance(9 * HOUR);
    const first = await checkSla(t.deps);
    expect(first.escalated).toContain(angry);
    expect(first.escalated).not.toContain(silent);
    expect((await forCase(angry))[0]).toMatchObject({
      source: "sla",
      ruleName: "Target missed and the customer is angry",
    });
    const slaReasons = ((await forCase(angry))[0]?.reasons ?? []) as Array<{ kind: string }>;
    expect(slaReasons.map((r) => r.kind)).toContain("sla_breached");

    t.deps.clock.advance(72 * HOUR);
    const second = await checkSla(t.deps);
    // Already in the queue: the missed resolution adds nothing there.
    expect(second.escalated).toContain(silent);
    expect(second.escalated).not.toContain(angry);
    expect(await forCase(angry)).toHaveLength(1);
    expect(await forCase(silent)).toEqual([
      expect.objectContaining({ source: "sla", ruleName: "Resolution target missed", status: "open" }),
    ]);
    expect((await checkSla(t.deps)).escalated).toEqual([]);
    expect(await forCase(silent)).toHaveLength(1);
  });
});
