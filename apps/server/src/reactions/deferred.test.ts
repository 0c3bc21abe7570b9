/** @module Deferred reactions: queued with the message, run once after its commit, kept across a crash. */
import { addMessage, claimDueReactions } from "@keel/db";
import { backends } from "@keel/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACKNOWLEDGE_QUEUE } from "../features/informed/service.js";
import { analyseInbound } from "../features/messages/analysis.js";
import { inboundBatcherFor } from "../features/messages/inbound-batch.js";
import { addInboundMessage } from "../features/messages/service.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { drainDueReactions, ReactionDrainer, reactionsSettled, runDueReactions } from "./deferred.js";

const LEGAL = "If this isn't fixed I will take legal action and report you to the ombudsman.";

describe.each(backends())("deferred reactions on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  const queued = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM message_reactions_due`.execute(t.deps.db)).rows[0]
        ?.n,
    );
  const acknowledged = (caseId: string) =>
    t.deps.jobs.sent.filter(
      (j) => j.queue === ACKNOWLEDGE_QUEUE && (j.data as { caseId?: string }).caseId === caseId,
    ).length;
  const email = (n: string) => ({
    newCase: { subject: `Deferred ${n}` },
    contact: { kind: "email" as const, value: `deferred-${n}@example.com` },
    body: "My order never arrived and nobody answers.",
    channel: "email" as const,
    externalMessageId: `<deferred-${n}@example.com>`,
  });

  /** Opens a case, then adds a message whose reactions are queued and not run: as a server that crashed after its commit. */
  async function queuedOnNewCase(name: string, bodies: string[], withAnalysis = false) {
    const opened = await addInboundMessage(t.deps, email(name));
    if (!opened.ok) throw new Error(opened.error.message);
    for (const body of bodies) {
      const added = await addMessage(t.deps.db, {
        caseId: opened.value.case.id,
        direction: "inbound",
        channel: "email",
        body,
        authorContactId: opened.value.message.author_contact_id,
        ...(withAnalysis ? { analysis: analyseInbound(body, [], t.deps.clock.now()) } : {}),
        queueReactions: true,
      });
      if (!added.ok) throw new Error(added.error.message);
    }
    return opened.value.case.id;
  }

  it("runs a live message's reactions right after its commit, once", async () => {
    const stored = await inboundBatcherFor(t.deps.db).submit(t.deps, email("live"));
    if (!stored.ok) throw new Error(stored.error.message);
    await reactionsSettled(t.deps);
    expect(acknowledged(stored.value.case.id)).toBe(1);
    expect(await queued()).toBe(0);
    // Nothing is left to run again.
    expect(await drainDueReactions(t.deps, () => undefined)).toBe(0);
    expect(acknowledged(stored.value.case.id)).toBe(1);
  });

  it("keeps the queued reactions of a message whose server died before running them", async () => {
    // As a server that committed the message and crashed before its drain: the queue row is all that is left.
    const caseId = await queuedOnNewCase("crash", [LEGAL], true);
    expect(await queued()).toBe(1);
    const lines: string[] = [];
    expect(await drainDueReactions(t.deps, (line) => lines.push(line))).toBe(1);
    expect(await queued()).toBe(0);
    expect(lines).toEqual([]);
    // The escalation rules ran on it: a legal threat goes to a supervisor.
    const escalations = await t.deps.db
      .selectFrom("escalations")
      .select("rule_name")
      .where("case_id", "=", caseId)
      .execute();
    expect(escalations).toHaveLength(1);
  });

  it("never hands one queued message to two drains at once", async () => {
    await queuedOnNewCase("locks", ["Message 0", "Message 1", "Message 2"]);
    await t.deps.db.transaction().execute(async (trx) => {
      const first = await claimDueReactions(trx, 2);
      expect(first).toHaveLength(2);
      // Another server's drain, meanwhile, sees only the row not yet taken.
      const other = await t.deps.db.transaction().execute((other) => claimDueReactions(other, 10));
      expect(other.map((d) => d.message.id)).not.toContain(first[0]?.message.id);
      expect(other).toHaveLength(1);
    });
    expect(await drainDueReactions(t.deps, () => undefined)).toBe(3);
  });

  it("on shutdown finishes the batch under way and leaves the rest queued for the next start", async () => {
    await queuedOnNewCase(
      "shutdown",
      Array.from({ length: 40 }, (_, i) => `Message ${i}`),
    );
    const drainer = new ReactionDrainer(t.deps, () => undefined);
    drainer.kick();
    await drainer.stop();
    expect(await queued()).toBe(8);
    drainer.kick();
    await drainer.settled();
    expect(await queued()).toBe(8);
    expect(await drainDueReactions(t.deps, () => undefined)).toBe(8);
  });

  it("retries a message whose reactions fail and sets it aside after five failures", async () => {
    await queuedOnNewCase("poison", ["Where is my refund?"]);
    // A clock that fails stands in for a reaction that keeps failing.
    const failing = {
      ...t.deps,
      clock: {
        now: (): Date => {
          throw new Error("clock failed");
        },
      },
    };
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) await runDueReactions(failing, (line) => lines.push(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/failed \(attempt 1\), will retry: clock failed/);
    expect(lines[4]).toMatch(/set aside after 5 failures/);
    expect(await queued()).toBe(0);
  });
});
