/** @module Agents' emotional load, cooldowns and the wellbeing routes, through the API. */
import { listLoadEvents } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import { wellbeingSetting } from "./settings.js";
import { ABUSIVE, ANGRY, agentReplies, CALM, customerWrites, setSetting } from "./wellbeing.test-support.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe.each(backends())("wellbeing on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  const me = async (headers: Record<string, string>) => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/wellbeing/me", headers });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it("charges the assignee for a hostile message, and the load halves every half-life", async () => {
    const priya = await agentWithToken(t, "agent");
    const sam = await agentWithToken(t, "supervisor");
    await customerWrites(t, ABUSIVE, { assigneeId: priya.agent.id });
    await customerWrites(t, CALM, { assigneeId: priya.agent.id });

    const first = await me(priya.headers);
    expect(first.recentEvents).toHaveLength(1);
    const points = first.recentEvents[0].points;
    expect(points).toBeGreaterThan(15);
    expect(first.recentEvents[0]).toMatchObject({ abusive: true, reason: expect.stringMatching(/abusive/) });
    expect(first.me).toMatchObject({
      load: points,
      abusive7d: 1,
      abusive30d: 1,
      hostileCasesToday: 1,
      openCases: 2,
    });

    t.deps.clock.advance(4 * HOUR);
    const later = await me(priya.headers);
    expect(later.me.load).toBeCloseTo(points / 2, 0);
    expect(later.recentEvents[0].weightNow).toBeCloseTo(points / 2, 0);
    t.deps.clock.advance(8 * HOUR);
    expect((await me(priya.headers)).me.load).toBeCloseTo(points / 8, 0);

    const forbidden = await t.app.inject({
      method: "GET",
      url: "/api/v1/wellbeing/load",
      headers: priya.headers,
    });
    expect(forbidden.statusCode).toBe(403);
    const overview = await t.app.inject({
      method: "GET",
      url: "/api/v1/wellbeing/load",
      headers: sam.headers,
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ threshold: 40, halfLifeHours: 4 });
    expect(
      overview.json().agents.find((a: { agentId: string }) => a.agentId === priya.agent.id),
    ).toMatchObject({
      abusive7d: 1,
      cooldown: null,
    });

    t.deps.clock.advance(8 * 24 * HOUR);
    expect((await me(priya.headers)).me).toMatchObject({ abusive7d: 0, abusive30d: 1, hostileCasesToday: 0 });
  });

  it("charges an agent who replies for the message they answer, once", async () => {
    const owner = await agentWithToken(t, "agent");
    const helper = await agentWithToken(t, "agent");
    const { case: kase } = await customerWrites(t, ANGRY, { assigneeId: owner.agent.id });
    await agentReplies(t, kase.id, helper.agent.id, "I'm sorry, I'm checking with the courier now.");
    await agentReplies(t, kase.id, helper.agent.id, "I've asked the courier and will update you by 5pm.");
    const events = await listLoadEvents(t.deps.db, helper.agent.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      case_id: kase.id,
      abusive: false,
      reason: expect.stringMatching(/threat/),
    });
    expect(await listLoadEvents(t.deps.db, owner.agent.id)).toHaveLength(1);
  });

  it("starts a cooldown of the configured length, ends it on time or early", async () => {
    const lena = await agentWithToken(t, "agent");
    const url = "/api/v1/wellbeing/cooldown";
    const bad = await t.app.inject({ method: "POST", url, headers: lena.headers, payload: { minutes: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/minutes/);

    const started = await t.app.inject({ method: "POST", url, headers: lena.headers, payload: {} });
    expect(started.statusCode).toBe(201);
    const now = t.deps.clock.now().getTime();
    expect(new Date(started.json().cooldown.endsAt).getTime() - now).toBe(15 * MINUTE);
    expect((await me(lena.headers)).me.cooldown).toMatchObject({ id: started.json().cooldown.id });

    t.deps.clock.advance(16 * MINUTE);
    expect((await me(lena.headers)).me.cooldown).toBeNull();

    await t.app.inject({ method: "POST", url, headers: lena.headers, payload: { minutes: 30 } });
    expect((await me(lena.headers)).me.cooldown).not.toBeNull();
    const ended = await t.app.inject({ method: "DELETE", url, headers: lena.headers });
    expect(ended.statusCode).toBe(200);
    expect((await me(lena.headers)).me.cooldown).toBeNull();
    const again = await t.app.inject({ method: "DELETE", url, headers: lena.headers });
    expect(again.statusCode).toBe(404);
  });

  const notificationsOf = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers })).json()
      .notifications as Array<{
      kind: string;
      caseId: string | null;
    }>;

  it("offers a cooldown when a hostile case is resolved, not after a calm one", async () => {
    const omar = await agentWithToken(t, "agent");
    const calm = await customerWrites(t, CALM, { assigneeId: omar.agent.id });
    await setStatus(t.deps, calm.case.id, "resolved");
    expect((await notificationsOf(omar.headers)).filter((n) => n.kind === "cooldown_offered")).toEqual([]);

    const angry = await customerWrites(t, ANGRY, { assigneeId: omar.agent.id });
    await setStatus(t.deps, angry.case.id, "resolved");
    const offers = (await notificationsOf(omar.headers)).filter((n) => n.kind === "cooldown_offered");
    expect(offers).toEqual([expect.objectContaining({ caseId: angry.case.id })]);
  });

  it("offers a cooldown past the load threshold, or starts one when auto-cooldown is on", async () => {
    const kim = await agentWithToken(t, "agent");
    await customerWrites(t, ABUSIVE, { assigneeId: kim.agent.id });
    expect((await notificationsOf(kim.headers)).map((n) => n.kind)).not.toContain("cooldown_offered");
    await customerWrites(t, ABUSIVE, { assigneeId: kim.agent.id });
    expect((await notificationsOf(kim.headers)).map((n) => n.kind)).toContain("cooldown_offered");
    expect((await me(kim.headers)).me).toMatchObject({ level: "high", cooldown: null });

    await setSetting(t, wellbeingSetting, {
      cooldownMinutes: 20,
      loadThreshold: 10,
      halfLifeHours: 4,
      autoCooldown: true,
    });
    const ana = await agentWithToken(t, "agent");
    await customerWrites(t, ABUSIVE, { assigneeId: ana.agent.id });
    expect((await notificationsOf(ana.headers)).map((n) => n.kind)).toContain("cooldown_started");
    const cooldown = (await me(ana.headers)).me.cooldown;
    expect(new Date(cooldown.endsAt).getTime() - t.deps.clock.now().getTime()).toBe(20 * MINUTE);
    await setSetting(t, wellbeingSetting, wellbeingSetting.defaultValue);
  });
});
