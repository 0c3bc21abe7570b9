/** @module Group commit: concurrent inbound messages share transactions, and one failing message spoils no other. */
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reactionsSettled } from "../../reactions/deferred.js";
import { countingStatements } from "../../testing/counting.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { InboundBatcher } from "./inbound-batch.js";
import { addInboundMessage, listTimeline } from "./service.js";

describe.each(backends())("inbound batches on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  const from = (n: number) => ({ kind: "email" as const, value: `batch-${n}@example.com` });

  async function openCase(n: number): Promise<string> {
    const opened = await addInboundMessage(t.deps, {
      newCase: { subject: `Batch ${n}` },
      contact: from(n),
      body: "Hello?",
      channel: "email",
    });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value.case.id;
  }

  it("stores messages that arrive together in one transaction, each answered with its own result", async () => {
    const cases = await Promise.all([1, 2, 3].map(openCase));
    // A handle of its own (same pool), so the reactions drained after the commit are not counted.
    const { db, statements } = countingStatements(t.deps.db);
    const batcher = new InboundBatcher(db, { maxInFlight: 1 });
    const transactions = vi.spyOn(db, "transaction");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        batcher.submit(t.deps, {
          caseId: cases[i % 3] as string,
          contact: from((i % 3) + 1),
          body: `Message ${i}: still nothing arrived.`,
          channel: "api",
          externalMessageId: `batch-${i}`,
        }),
      ),
    );
    const calls = transactions.mock.calls.length;
    transactions.mockRestore();
    expect(results.every((r) => r.ok && r.value.created)).toBe(true);
    expect(results.map((r) => (r.ok ? r.value.message.body : null))).toEqual(
      Array.from({ length: 12 }, (_, i) => `Message ${i}: still nothing arrived.`),
    );
    // All twelve arrived in one turn of the event loop: one transaction, so one commit.
    expect(calls).toBe(1);
    // Four messages per case: the cases' message counts locked ahead (several statements add to them), then four
    // rounds, each reading its three contexts in one statement and inserting in one.
    expect(statements()).toBe(9);
    await reactionsSettled(t.deps);
  });

  it("answers a message for an unknown case with its error and stores the others of its batch", async () => {
    const kase = await openCase(4);
    const batcher = new InboundBatcher(t.deps.db, { maxInFlight: 1 });
    const missing = "00000000-0000-4000-8000-000000000000";
    const [good, bad, again] = await Promise.all([
      batcher.submit(t.deps, { caseId: kase, contact: from(4), body: "First.", channel: "api" }),
      batcher.submit(t.deps, { caseId: missing, contact: from(4), body: "Lost.", channel: "api" }),
      batcher.submit(t.deps, { caseId: kase, contact: from(4), body: "Second.", channel: "api" }),
    ]);
    expect(good?.ok && good.value.created).toBe(true);
    expect(again?.ok && again.value.created).toBe(true);
    expect(bad).toMatchObject({ ok: false, error: { code: "not_found", field: "caseId" } });
    const bodies = await t.deps.db
      .selectFrom("messages")
      .select("body")
      .where("case_id", "=", kase)
      .orderBy("created_at")
      .execute();
    expect(bodies.map((m) => m.body)).toEqual(["Hello?", "First.", "Second."]);
    await reactionsSettled(t.deps);
  });

  it("keeps the order in which one customer's messages arrived within a batch", async () => {
    const kase = await openCase(6);
    const batcher = new InboundBatcher(t.deps.db, { maxInFlight: 1 });
    const bodies = Array.from({ length: 8 }, (_, i) => `Part ${i + 1} of my complaint.`);
    await Promise.all(
      bodies.map((body) => batcher.submit(t.deps, { caseId: kase, contact: from(6), body, channel: "api" })),
    );
    const timeline = await listTimeline(t.deps, kase);
    if (!timeline.ok) throw new Error(timeline.error.message);
    expect(timeline.value.messages.map((m) => m.body)).toEqual(["Hello?", ...bodies]);
    await reactionsSettled(t.deps);
  });

  it("stores a message sent twice in one batch once", async () => {
    const kase = await openCase(5);
    const batcher = new InboundBatcher(t.deps.db);
    const input = {
      caseId: kase,
      contact: from(5),
      body: "Twice.",
      channel: "email" as const,
      externalMessageId: "<twice@x>",
    };
    const [first, second] = await Promise.all([batcher.submit(t.deps, input), batcher.submit(t.deps, input)]);
    const created = [first, second].filter((r) => r?.ok && r.value.created);
    expect(created).toHaveLength(1);
    expect(first?.ok && second?.ok && first.value.message.id === second.value.message.id).toBe(true);
    await reactionsSettled(t.deps);
  });

  it("refuses a bad sender address before any statement", async () => {
    const batcher = new InboundBatcher(t.deps.db);
    const result = await batcher.submit(t.deps, {
      newCase: { subject: "Bad" },
      contact: { kind: "email", value: "not an address" },
      body: "Hi",
      channel: "api",
    });
    expect(result).toMatchObject({ ok: false, error: { field: "contact" } });
  });

  it("reads each message of a batch against the ones before it, as storing them one by one does", async () => {
    const bodies = [
      "Where is my parcel?",
      "This is the THIRD time I ask. Still nothing!!",
      "I am furious, I want a refund NOW or I go to my bank.",
    ];
    const alone = await openCase(7);
    for (const body of bodies)
      await addInboundMessage(t.deps, { caseId: alone, contact: from(7), body, channel: "api" });
    const together = await openCase(8);
    const batcher = new InboundBatcher(t.deps.db, { maxInFlight: 1 });
    await Promise.all(
      bodies.map((body) =>
        batcher.submit(t.deps, { caseId: together, contact: from(8), body, channel: "api" }),
      ),
    );
    const readings = async (caseId: string) => {
      const timeline = await listTimeline(t.deps, caseId);
      if (!timeline.ok) throw new Error(timeline.error.message);
      return timeline.value.messages.map((m) => {
        const { result } = m.analysis as {
          result: { anger: number; trend: unknown; repeat_contact: unknown };
        };
        return [m.body, result.anger, result.trend, result.repeat_contact];
      });
    };
    expect(await readings(together)).toEqual(await readings(alone));
    await reactionsSettled(t.deps);
  });

  it("reopens a case waiting on the customer from within a batch, and stores the batch's other messages", async () => {
    const [waiting, other] = await Promise.all([openCase(9), openCase(10)]);
    await t.deps.db
      .updateTable("cases")
      .set({ status: "pending_customer" })
      .where("id", "=", waiting)
      .execute();
    const batcher = new InboundBatcher(t.deps.db, { maxInFlight: 1 });
    const results = await Promise.all([
      batcher.submit(t.deps, { caseId: other, contact: from(10), body: "Any news?", channel: "api" }),
      batcher.submit(t.deps, {
        caseId: waiting,
        contact: from(9),
        body: "Here is the photo.",
        channel: "api",
      }),
      batcher.submit(t.deps, { caseId: other, contact: from(10), body: "Hello??", channel: "api" }),
    ]);
    expect(results.map((r) => r.ok && r.value.created)).toEqual([true, true, true]);
    expect(results[1]?.ok && results[1].value.case.status).toBe("open");
    const stored = await t.deps.db
      .selectFrom("cases")
      .select(["id", "status"])
      .where("id", "in", [waiting, other])
      .execute();
    expect(stored.find((c) => c.id === waiting)?.status).toBe("open");
    const timeline = await listTimeline(t.deps, other);
    expect(timeline.ok && timeline.value.messages.map((m) => m.body)).toEqual([
      "Hello?",
      "Any news?",
      "Hello??",
    ]);
    await reactionsSettled(t.deps);
  });

  it("writes an audit entry by the author and queues the reactions of every message stored together", async () => {
    const kase = await openCase(11);
    await reactionsSettled(t.deps);
    const batcher = new InboundBatcher(t.deps.db, { maxInFlight: 1 });
    const results = await Promise.all(
      ["One.", "Two."].map((body) =>
        batcher.submit(t.deps, { caseId: kase, contact: from(11), body, channel: "api" }),
      ),
    );
    const ids = results.map((r) => (r.ok ? r.value.message.id : ""));
    const audits = await t.deps.db
      .selectFrom("audit_log")
      .select(["entity_id", "actor_kind", "actor_id", "after"])
      .where("entity", "=", "message")
      .where("entity_id", "in", ids)
      .execute();
    const author = results[0]?.ok ? results[0].value.message.author_contact_id : null;
    expect(audits).toHaveLength(2);
    for (const entry of audits) {
      expect(entry).toMatchObject({ actor_kind: "contact", actor_id: author });
      expect(entry.after).not.toHaveProperty("raw_source");
      expect(entry.after).toHaveProperty("body");
    }
    await reactionsSettled(t.deps);
    const due = await t.deps.db.selectFrom("message_reactions_due").select("message_id").execute();
    expect(due).toEqual([]);
  });
});
