/** @module Follow-up and acknowledgment repository on every backend: one live follow-up per case, once-only sends and answers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createCase } from "./cases.js";
import { createCustomer } from "./customers.js";
import {
  answerFollowup,
  cancelLiveFollowups,
  findFollowupByTokenHash,
  getAcknowledgment,
  listDueFollowups,
  listFollowupsForCase,
  markFollowupSent,
  recordAcknowledgment,
  scheduleFollowup,
} from "./followups.js";
import { addMessage } from "./messages.js";

const NOW = new Date("2026-11-02T09:00:00Z");
const DAY = 86_400_000;

describe.each(backends())("follow-ups on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let caseId = "";
  let messageId = "";
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const customer = await createCustomer(t.db, { name: "Ada" });
    const kase = await createCase(t.db, { subject: "Leaking tap", customerId: customer.id });
    if (!kase.ok) throw new Error(kase.error.message);
    caseId = kase.value.id;
    const message = await addMessage(t.db, {
      caseId,
      direction: "outbound",
      channel: "email",
      body: "Fixed.",
    });
    if (!message.ok) throw new Error(message.error.message);
    messageId = message.value.message.id;
  });
  afterAll(async () => t?.drop());

  const schedule = (db = t.db) =>
    scheduleFollowup(db, {
      caseId,
      dueAt: new Date(NOW.getTime() + 3 * DAY),
      agentId: null,
      teamId: null,
      createdAt: NOW,
    });

  it("records one acknowledgment per case", async () => {
    expect(await recordAcknowledgment(t.db, { caseId, messageId, at: NOW })).toBe(true);
    expect(
      await recordAcknowledgment(t.db, { caseId, messageId: null, skippedReason: "agent_replied", at: NOW }),
    ).toBe(false);
    expect((await getAcknowledgment(t.db, caseId))?.message_id).toBe(messageId);
    expect(await getAcknowledgment(t.db, "not-a-uuid")).toBeUndefined();
  });

  it("keeps one live follow-up per case, and a second schedule leaves the transaction usable", async () => {
    await t.db.transaction().execute(async (trx) => {
      expect(await schedule(trx)).toBeDefined();
      expect(await schedule(trx)).toBeUndefined();
      // The skipped insert raised nothing: the transaction still runs statements and commits.
      expect(await listFollowupsForCase(trx, caseId)).toHaveLength(1);
    });
    expect(await listFollowupsForCase(t.db, caseId)).toHaveLength(1);
  });

  it("lists a follow-up when due, marks it sent once and takes one answer", async () => {
    const [followup] = await listFollowupsForCase(t.db, caseId);
    if (!followup) throw new Error("no follow-up");
    expect(await listDueFollowups(t.db, new Date(NOW.getTime() + 2 * DAY))).toEqual([]);
    const due = new Date(NOW.getTime() + 3 * DAY);
    expect((await listDueFollowups(t.db, due)).map((f) => f.id)).toEqual([followup.id]);
    const answer = {
      fixHeld: true,
      csat: 5,
      comment: null,
      commentAnger: null,
      outcome: "closed" as const,
      at: due,
    };
    expect((await answerFollowup(t.db, followup.id, answer)).ok).toBe(false);
    const sent = {
      at: due,
      messageId,
      tokenHash: "hash-1",
      linkExpiresAt: new Date(due.getTime() + 30 * DAY),
    };
    expect(await markFollowupSent(t.db, followup.id, sent)).toBeDefined();
    expect(await markFollowupSent(t.db, followup.id, sent)).toBeUndefined();
    expect((await findFollowupByTokenHash(t.db, "hash-1"))?.id).toBe(followup.id);
    expect(await listDueFollowups(t.db, due)).toEqual([]);
    const first = await answerFollowup(t.db, followup.id, answer);
    expect(first.ok && first.value.outcome).toBe("closed");
    const second = await answerFollowup(t.db, followup.id, { ...answer, csat: 1 });
    expect(second.ok ? "ok" : second.error.code).toBe("conflict");
  });

  it("cancels only the unanswered follow-up, and refuses an out-of-range score", async () => {
    const fresh = await schedule();
    if (!fresh) throw new Error("a new follow-up should be schedulable after the last was answered");
    const cancelled = await cancelLiveFollowups(t.db, caseId, "reopened", NOW);
    expect(cancelled.map((f) => f.id)).toEqual([fresh.id]);
    const again = await schedule();
    if (!again) throw new Error("cancelled follow-ups do not block a new one");
    await markFollowupSent(t.db, again.id, { at: NOW, messageId, tokenHash: "hash-2", linkExpiresAt: NOW });
    const bad = await answerFollowup(t.db, again.id, {
      fixHeld: false,
      csat: 9,
      comment: null,
      commentAnger: null,
      outcome: "reopened",
      at: NOW,
    });
    expect(bad.ok ? "ok" : bad.error.code).toBe("invalid");
  });
});
