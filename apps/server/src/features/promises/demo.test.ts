/** @module The promise demo threads give one overdue, one due-soon and one kept promise, and the check acts on them. */
import { listPromises } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { seedPromiseDemo } from "./demo.js";
import { isOverdue } from "./dto.js";
import { checkPromises } from "./promise-job.js";

describe.each(backends())("promise demo on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  it("seeds an overdue, a due-soon and a kept promise", async () => {
    // Just after midnight is the hardest case for "tomorrow before noon" to be overdue already.
    t.deps.clock.set("2026-11-20T00:05:00Z");
    const priya = await agentWithToken(t, "agent");
    expect(await seedPromiseDemo(t.deps, priya.agent.email)).toBe(3);
    const now = t.deps.clock.now();
    const all = await listPromises(t.deps.db);
    expect(all.every((p) => p.owner_agent_id === priya.agent.id)).toBe(true);
    const open = all.filter((p) => p.status === "open");
    expect(open.filter((p) => isOverdue(p, now)).map((p) => p.kind)).toEqual(["callback"]);
    expect(open.filter((p) => !isOverdue(p, now)).map((p) => p.kind)).toEqual(["callback"]);
    expect(all.filter((p) => p.status === "fulfilled").map((p) => [p.kind, p.fulfilled_by_kind])).toEqual([
      ["refund", "reply"],
    ]);
    const report = await checkPromises(t.deps, now);
    expect([report.reminded.length, report.overdue.length]).toEqual([1, 1]);
    expect(await seedPromiseDemo(t.deps, "nobody@example.com")).toBe(0);
  });
});
