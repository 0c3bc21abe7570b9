/** @module Reflection cards: written after an angry case is resolved, private to their agent unless shared. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import {
  ABUSIVE,
  ANGRY,
  agentReplies,
  CALM,
  customerWrites,
  RELIEVED,
} from "../wellbeing/wellbeing.test-support.js";

const GOOD =
  "I'm so sorry your order never arrived — that's really frustrating. I've checked with the courier and I'm sending a replacement today; you'll have the tracking number by 5pm.";
const BAD = "As I already told you, the courier lost it, not us. Unfortunately there is nothing we can do.";

describe.each(backends())("reflection cards on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("after an angry case is resolved, tells the agent who replied most what calmed the customer and what did not", async () => {
    const priya = await agentWithToken(t, "agent");
    const other = await agentWithToken(t, "agent");
    const { case: kase, message: angry } = await customerWrites(t, ANGRY, { assigneeId: priya.agent.id });
    const good = await agentReplies(t, kase.id, priya.agent.id, GOOD);
    const { message: relieved } = await customerWrites(t, RELIEVED, { caseId: kase.id });
    const bad = await agentReplies(t, kase.id, priya.agent.id, BAD);
    const { message: abusive } = await customerWrites(t, ABUSIVE, { caseId: kase.id });
    await agentReplies(t, kase.id, other.agent.id, "I'm taking this over and will call you within the hour.");
    await setStatus(t.deps, kase.id, "resolved");

    const mine = await t.app.inject({ method: "GET", url: "/api/v1/reflections", headers: priya.headers });
    expect(mine.statusCode).toBe(200);
    const [card, ...rest] = mine.json().reflections;
    expect(rest).toEqual([]);
    expect(card).toMatchObject({ agentId: priya.agent.id, caseId: kase.id, shared: false, notes: "" });
    const wentWell = card.wentWell.map((i: { label: string }) => i.label);
    expect(wentWell).toEqual(expect.arrayContaining(["empathy", "next_step"]));
    expect(card.wentWell[0]).toMatchObject({
      replyMessageId: good.id,
      customerMessageIds: [angry.id, relieved.id],
    });
    expect(card.wentWell[0].angerAfter).toBeLessThan(card.wentWell[0].angerBefore);
    expect(card.tryNext.map((i: { label: string }) => i.label)).toEqual(
      expect.arrayContaining(["blame", "negative_language"]),
    );
    expect(card.tryNext[0]).toMatchObject({
      replyMessageId: bad.id,
      customerMessageIds: [relieved.id, abusive.id],
    });
    expect(card.messageIds).toEqual([angry.id, good.id, relieved.id, bad.id, abusive.id]);
    const theirs = await t.app.inject({ method: "GET", url: "/api/v1/reflections", headers: other.headers });
    expect(theirs.json().reflections).toEqual([]);

    const notified = await t.app.inject({
      method: "GET",
      url: "/api/v1/notifications",
      headers: priya.headers,
    });
    expect(notified.json().notifications.map((n: { kind: string }) => n.kind)).toContain("reflection_ready");
  });

  it("writes no card after a calm case", async () => {
    const lena = await agentWithToken(t, "agent");
    const { case: kase } = await customerWrites(t, CALM, { assigneeId: lena.agent.id });
    await agentReplies(t, kase.id, lena.agent.id, "It ships tomorrow; I'll send the tracking link by noon.");
    await setStatus(t.deps, kase.id, "resolved");
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/reflections", headers: lena.headers });
    expect(mine.json().reflections).toEqual([]);
  });

  it("writes no empty card when no reply moved the customer's anger (the last reply got no answer)", async () => {
    const ines = await agentWithToken(t, "agent");
    const { case: kase } = await customerWrites(t, ANGRY, { assigneeId: ines.agent.id });
    await agentReplies(t, kase.id, ines.agent.id, GOOD);
    await setStatus(t.deps, kase.id, "resolved");
    const mine = await t.app.inject({ method: "GET", url: "/api/v1/reflections", headers: ines.headers });
    expect(mine.json().reflections).toEqual([]);
    const notified = await t.app.inject({
      method: "GET",
      url: "/api/v1/notifications",
      headers: ines.headers,
    });
    expect(notified.json().notifications.map((n: { kind: string }) => n.kind)).not.toContain(
      "reflection_ready",
    );
  });

  it("keeps a card private to its agent until they share it; supervisors then see it, never edit it", async () => {
    const omar = await agentWithToken(t, "agent");
    const peer = await agentWithToken(t, "agent");
    const sam = await agentWithToken(t, "supervisor");
    const { case: kase } = await customerWrites(t, ANGRY, { assigneeId: omar.agent.id });
    await agentReplies(t, kase.id, omar.agent.id, GOOD);
    await customerWrites(t, RELIEVED, { caseId: kase.id });
    await setStatus(t.deps, kase.id, "resolved");
    const [card] = (
      await t.app.inject({ method: "GET", url: "/api/v1/reflections", headers: omar.headers })
    ).json().reflections;
    const url = `/api/v1/reflections/${card.id}`;
    const get = (headers: Record<string, string>) => t.app.inject({ method: "GET", url, headers });
    const shared = async () =>
      (await t.app.inject({ method: "GET", url: "/api/v1/reflections/shared", headers: sam.headers })).json()
        .reflections as Array<{ id: string }>;

    expect((await get(omar.headers)).statusCode).toBe(200);
    expect((await get(peer.headers)).statusCode).toBe(404);
    expect((await get(sam.headers)).statusCode).toBe(404);
    expect(await shared()).toEqual([]);
    const peerList = await t.app.inject({
      method: "GET",
      url: "/api/v1/reflections/shared",
      headers: peer.headers,
    });
    expect(peerList.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: `${url}/share`, headers: sam.headers })).statusCode,
    ).toBe(404);

    const patched = await t.app.inject({
      method: "PATCH",
      url,
      headers: omar.headers,
      payload: { notes: "Naming the frustration first worked." },
    });
    expect(patched.json()).toMatchObject({ notes: "Naming the frustration first worked." });
    const tooLong = await t.app.inject({
      method: "PATCH",
      url,
      headers: omar.headers,
      payload: { notes: "x".repeat(10_001) },
    });
    expect(tooLong.statusCode).toBe(400);

    const share = await t.app.inject({ method: "POST", url: `${url}/share`, headers: omar.headers });
    expect(share.json()).toMatchObject({ shared: true, sharedAt: t.deps.clock.now().toISOString() });
    expect((await shared()).map((r) => r.id)).toEqual([card.id]);
    expect((await get(sam.headers)).json()).toMatchObject({ notes: "Naming the frustration first worked." });
    expect((await get(peer.headers)).statusCode).toBe(404);
    const samEdit = await t.app.inject({
      method: "PATCH",
      url,
      headers: sam.headers,
      payload: { notes: "mine now" },
    });
    expect(samEdit.statusCode).toBe(404);

    await t.app.inject({ method: "POST", url: `${url}/unshare`, headers: omar.headers });
    expect(await shared()).toEqual([]);
    expect((await get(sam.headers)).statusCode).toBe(404);
  });
});
