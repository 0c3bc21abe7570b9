/** @module Notifications: delivered to an agent or a role, deduplicated, listed and marked read per agent. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { notify } from "./service.js";

describe.each(backends())("notifications on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("delivers to one agent or to a role, once per dedupe key, read per agent", async () => {
    const priya = await agentWithToken(t, "agent");
    const other = await agentWithToken(t, "agent");
    const sam = await agentWithToken(t, "supervisor");
    const ada = await agentWithToken(t, "supervisor");
    const now = t.deps.clock.now();
    expect(
      await notify(
        t.deps.db,
        { to: { agentId: priya.agent.id }, kind: "promise_due_soon", title: "Call back", dedupeKey: "p1" },
        now,
      ),
    ).toBe(true);
    expect(
      await notify(
        t.deps.db,
        { to: { agentId: priya.agent.id }, kind: "promise_due_soon", title: "Call back", dedupeKey: "p1" },
        now,
      ),
    ).toBe(false);
    await notify(
      t.deps.db,
      { to: { role: "supervisor" }, kind: "escalation", title: "Case escalated", data: { n: 1 } },
      now,
    );

    const mine = await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers: priya.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      unread: 1,
      notifications: [{ kind: "promise_due_soon", to: "me", read: false }],
    });
    const others = await t.app.inject({
      method: "GET",
      url: "/api/v1/notifications",
      headers: other.headers,
    });
    expect(others.json().notifications).toEqual([]);

    const samList = await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers: sam.headers });
    expect(samList.json().notifications).toEqual([
      expect.objectContaining({ kind: "escalation", to: "supervisor", data: { n: 1 } }),
    ]);
    const id = samList.json().notifications[0].id;
    const read = await t.app.inject({
      method: "POST",
      url: `/api/v1/notifications/${id}/read`,
      headers: sam.headers,
    });
    expect(read.statusCode).toBe(204);
    const samAfter = await t.app.inject({
      method: "GET",
      url: "/api/v1/notifications?unread=true",
      headers: sam.headers,
    });
    expect(samAfter.json()).toMatchObject({ unread: 0, notifications: [] });
    // Another supervisor still has it unread.
    const adaList = await t.app.inject({ method: "GET", url: "/api/v1/notifications", headers: ada.headers });
    expect(adaList.json()).toMatchObject({ unread: 1 });

    const notTheirs = await t.app.inject({
      method: "POST",
      url: `/api/v1/notifications/${id}/read`,
      headers: priya.headers,
    });
    expect(notTheirs.statusCode).toBe(404);
  });
});
