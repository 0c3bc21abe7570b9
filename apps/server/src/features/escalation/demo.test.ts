/** @module The escalation demo: a fresh desk's supervisor queue holds a taken, an open and an agent-raised case. */
import { createAgent } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { seedEscalationDemo } from "./demo.js";
import { listQueue } from "./service.js";

describe.each(backends())("escalation demo on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it("fills the supervisor queue with briefs: taken by rule, open by rule, raised by an agent", async () => {
    const people = [
      ["supervisor@keel.demo", "supervisor"],
      ["grace@keel.demo", "agent"],
      ["tomas@keel.demo", "agent"],
      ["priya@keel.demo", "agent"],
    ] as const;
    const ids = new Map<string, string>();
    for (const [email, role] of people) {
      const made = await createAgent(t.db, { email, name: email, role, passwordHash: null });
      if (!made.ok) throw new Error(made.error.message);
      ids.set(email, made.value.id);
    }
    const deps = { db: t.db, clock: new ManualClock("2026-11-20T12:00:00Z"), jobs: new RecordingJobs() };
    expect(await seedEscalationDemo(deps)).toBe(3);

    const queue = await listQueue(t.db, {});
    const bySubject = new Map(queue.map((e) => [e.label.subject, e.row]));
    expect(bySubject.get("Broadband drops every evening")).toMatchObject({
      source: "rule",
      status: "taken",
      taken_by_agent_id: ids.get("supervisor@keel.demo"),
    });
    expect(bySubject.get("Replacement kettle never arrived")).toMatchObject({
      source: "rule",
      status: "open",
    });
    expect(bySubject.get("Replacement kettle never arrived")?.rule_name).toContain("manager");
    expect(bySubject.get("Bill much higher than usual")).toMatchObject({
      source: "agent",
      status: "open",
      requested_by_agent_id: ids.get("priya@keel.demo"),
    });
    for (const { row } of queue) {
      expect((row.brief as { citations: string[] }).citations.length).toBeGreaterThan(0);
    }
  });
});
