/** @module The abuse policy: boundary scripts, profanity masking for agents who ask, and blocked contacts. */
import { coachReply } from "@keel/coach";
import { getCase, listLoadEvents } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { setStatus } from "../cases/service.js";
import { fillScript } from "./boundary.js";
import { abusePolicySetting } from "./settings.js";
import { ABUSIVE, ANGRY, agentReplies, CALM, customerWrites } from "./wellbeing.test-support.js";

describe("the abuse policy's default scripts", () => {
  const policy = abusePolicySetting.defaultValue;
  const fill = (text: string) => fillScript(text, { name: "Maya", channel: policy.otherChannel });

  it("word the warning as a calm boundary that keeps helping (coach: sets_boundary)", () => {
    expect(coachReply(fill(policy.warningText), ABUSIVE).labels.sets_boundary.value).toBe(true);
  });

  it("end the conversation by offering another channel", () => {
    const closing = fill(policy.closingText);
    expect(closing).toContain("phone during business hours");
    expect(closing).toMatch(/end this conversation/);
    expect(closing).not.toContain("{");
  });
});

describe.each(backends())("abuse policy, masking and blocks on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("gives a calm warning first, and the closing script once abuse continues after it", async () => {
    const priya = await agentWithToken(t, "agent");
    const script = async (caseId: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/v1/cases/${caseId}/boundary-script`,
        headers: priya.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const calm = await customerWrites(t, CALM, { assigneeId: priya.agent.id });
    expect(await script(calm.case.id)).toMatchObject({ stage: "none", script: null, abusiveMessageIds: [] });

    const { case: kase, message } = await customerWrites(t, ABUSIVE, { assigneeId: priya.agent.id });
    const warning = await script(kase.id);
    expect(warning).toMatchObject({
      stage: "warning",
      abusiveMessageIds: [message.id],
      warningsSent: 0,
      warningsBeforeEnding: 1,
      setsBoundary: true,
    });
    expect(warning.script).toMatch(/^Hi Maya, .*respectful/);

    await agentReplies(t, kase.id, priya.agent.id, warning.script);
    expect(await script(kase.id)).toMatchObject({ stage: "none", warningsSent: 1 });

    await customerWrites(t, ABUSIVE.replace("refund", "money"), { caseId: kase.id });
    const closing = await script(kase.id);
    expect(closing).toMatchObject({ stage: "closing", warningsSent: 1 });
    expect(closing.script).toMatch(/end this conversation.*phone during business hours/);

    const missing = await t.app.inject({
      method: "GET",
      url: "/api/v1/cases/00000000-0000-4000-8000-000000000000/boundary-script",
      headers: priya.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("masks profanity for agents who ask, leaving the stored message and other agents' view alone", async () => {
    const masked = await agentWithToken(t, "agent");
    const plain = await agentWithToken(t, "agent");
    const { case: kase } = await customerWrites(t, ABUSIVE, { assigneeId: masked.agent.id });
    const prefs = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/agents/me/preferences",
      headers: masked.headers,
      payload: { maskProfanity: true },
    });
    expect(prefs.json()).toEqual({ maskProfanity: true });
    const bad = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/agents/me/preferences",
      headers: masked.headers,
      payload: { maskProfanity: "yes" },
    });
    expect(bad.statusCode).toBe(400);

    const view = async (headers: Record<string, string>) =>
      (await t.app.inject({ method: "GET", url: `/api/v1/cases/${kase.id}/messages`, headers })).json()
        .messages[0];
    const seen = await view(masked.headers);
    expect(seen.body).toBe("You useless idiots, where is my f****** refund?! I'm sick of this s***!!!");
    expect(seen.maskedSpans).toEqual([
      { start: 32, end: 39 },
      { start: 66, end: 70 },
    ]);
    expect(JSON.stringify(seen.analysis)).not.toMatch(/fucking|shit/);
    const unmasked = await view(plain.headers);
    expect(unmasked.body).toBe(ABUSIVE);
    expect(unmasked.maskedSpans).toBeUndefined();
  });

  it("stores a blocked contact's messages without reopening, routing or charging anyone", async () => {
    const admin = await agentWithToken(t, "admin");
    const priya = await agentWithToken(t, "agent");
    const email = "blocked@example.com";
    const { case: kase, message } = await customerWrites(t, ANGRY, { email, assigneeId: priya.agent.id });
    const contactId = message.author_contact_id as string;
    await setStatus(t.deps, kase.id, "resolved");
    const before = (await listLoadEvents(t.deps.db, priya.agent.id)).length;

    const url = `/api/v1/contacts/${contactId}/block`;
    expect(
      (await t.app.inject({ method: "POST", url, headers: priya.headers, payload: { reason: "x" } }))
        .statusCode,
    ).toBe(403);
    const noReason = await t.app.inject({ method: "POST", url, headers: admin.headers, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const blocked = await t.app.inject({
      method: "POST",
      url,
      headers: admin.headers,
      payload: { reason: "Threats against staff" },
    });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({
      id: contactId,
      blockedReason: "Threats against staff",
      blockedBy: admin.agent.id,
    });

    const notifications = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom("notifications")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const notifiedBefore = await notifications();
    const jobsBefore = t.deps.jobs.sent.length;
    const later = await customerWrites(t, ABUSIVE, { caseId: kase.id, email });
    expect(await notifications()).toBe(notifiedBefore);
    // Nothing but a webhook event for the stored message (queued only when a webhook subscribes) follows it.
    const queued = t.deps.jobs.sent.slice(jobsBefore).map((j) => j.queue);
    expect(queued.filter((queue) => queue !== "webhook.dispatch")).toEqual([]);
    expect(later.message.body).toBe(ABUSIVE);
    const stillResolved = await getCase(t.deps.db, kase.id);
    expect(stillResolved.ok && stillResolved.value.status).toBe("resolved");
    expect(await listLoadEvents(t.deps.db, priya.agent.id)).toHaveLength(before);
    const fresh = await customerWrites(t, ABUSIVE, { email });
    expect(fresh.case.assignee_id).toBeNull();
    const tagged = await getCase(t.deps.db, fresh.case.id);
    expect(tagged.ok && tagged.value).toMatchObject({ assignee_id: null, tags: ["blocked-contact"] });

    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/contacts/blocked",
      headers: admin.headers,
    });
    expect(list.json().contacts.map((c: { id: string }) => c.id)).toEqual([contactId]);
    const unblocked = await t.app.inject({ method: "DELETE", url, headers: admin.headers });
    expect(unblocked.json()).toMatchObject({ blockedAt: null, blockedReason: null });
    const reopened = await customerWrites(t, CALM, { caseId: kase.id, email });
    expect(reopened.case.status).toBe("open");
  });
});
