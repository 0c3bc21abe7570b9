/** @module Promise repository on every backend: store, list, fulfil, cancel, re-date, and the once-only claims. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createCase } from "./cases.js";
import { createCustomer, getCustomer, setCustomerTimezone } from "./customers.js";
import { addMessage } from "./messages.js";
import {
  cancelPromise,
  claimOverduePromises,
  claimPromisesDueSoon,
  fulfilPromise,
  getPromise,
  insertPromises,
  listPromises,
  listPromisesForCase,
  type NewPromise,
  setPromiseDue,
} from "./promises.js";

const MISSING = "00000000-0000-4000-8000-000000000000";
const HOUR = 3_600_000;
const NOW = new Date("2026-11-02T09:00:00Z");

describe.each(backends())("promises on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let base: Omit<NewPromise, "span" | "dueAt">;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const customer = await createCustomer(t.db, { name: "Ada" });
    const kase = await createCase(t.db, { subject: "Late refund", customerId: customer.id });
    if (!kase.ok) throw new Error(kase.error.message);
    const message = await addMessage(t.db, {
      caseId: kase.value.id,
      direction: "outbound",
      channel: "email",
      body: "I'll call you tomorrow. We'll refund you by Friday.",
    });
    if (!message.ok) throw new Error(message.error.message);
    base = {
      caseId: kase.value.id,
      messageId: message.value.message.id,
      ownerAgentId: null,
      owedBy: "agent",
      kind: "callback",
      text: "call you",
      confidence: 0.9,
      dueText: "tomorrow",
      timezone: "Europe/London",
      createdAt: NOW,
    };
  });
  afterAll(async () => {
    await t?.drop();
  });

  const span = (start: number) => ({ start, end: start + 5, text: "I'll call you tomorrow" });

  it("stores a reply's promises once and lists them per case in order", async () => {
    const rows = [
      { ...base, span: span(0), dueAt: new Date(NOW.getTime() + HOUR) },
      { ...base, span: span(24), kind: "refund" as const, dueAt: null },
    ];
    const stored = await insertPromises(t.db, rows);
    expect(stored.map((p) => [p.status, p.kind, p.timezone])).toEqual([
      ["open", "callback", "Europe/London"],
      ["open", "refund", "Europe/London"],
    ]);
    expect(await insertPromises(t.db, rows)).toEqual([]);
    expect((await listPromisesForCase(t.db, base.caseId)).map((p) => p.span_start)).toEqual([0, 24]);
    expect(await listPromisesForCase(t.db, "nope")).toEqual([]);
    expect((await listPromises(t.db, { overdueAt: new Date(NOW.getTime() + 2 * HOUR) })).length).toBe(1);
  });

  it("claims a promise due soon once, and an overdue one once", async () => {
    const [p] = await insertPromises(t.db, [
      { ...base, span: span(100), dueAt: new Date(NOW.getTime() + 3 * HOUR) },
    ]);
    expect(await claimPromisesDueSoon(t.db, NOW, 2 * HOUR)).not.toContainEqual(
      expect.objectContaining({ id: p?.id }),
    );
    const soon = new Date(NOW.getTime() + 1.5 * HOUR);
    expect((await claimPromisesDueSoon(t.db, soon, 2 * HOUR)).map((r) => r.id)).toContain(p?.id);
    expect((await claimPromisesDueSoon(t.db, soon, 2 * HOUR)).map((r) => r.id)).not.toContain(p?.id);
    const late = new Date(NOW.getTime() + 4 * HOUR);
    expect((await claimOverduePromises(t.db, late)).map((r) => r.id)).toContain(p?.id);
    expect(await claimOverduePromises(t.db, late)).toEqual([]);
    await t.db.updateTable("cases").set({ status: "closed" }).where("id", "=", base.caseId).execute();
    const [closed] = await insertPromises(t.db, [{ ...base, span: span(150), dueAt: NOW }]);
    expect((await claimOverduePromises(t.db, late)).map((r) => r.id)).not.toContain(closed?.id);
    await t.db.updateTable("cases").set({ status: "open" }).where("id", "=", base.caseId).execute();
    const redated = await setPromiseDue(t.db, p?.id ?? "", {
      dueAt: new Date(late.getTime() + HOUR),
      dueText: null,
    });
    expect(redated.ok && [redated.value.reminded_at, redated.value.overdue_alerted_at]).toEqual([null, null]);
  });

  it("fulfils or cancels an open promise once", async () => {
    const [a, b] = await insertPromises(t.db, [
      { ...base, span: span(200), dueAt: null },
      { ...base, span: span(300), dueAt: null },
    ]);
    const kept = await fulfilPromise(t.db, a?.id ?? "", NOW, {
      kind: "reply",
      messageId: base.messageId,
      agentId: null,
    });
    expect(
      kept.ok && [kept.value.status, kept.value.fulfilled_by_kind, kept.value.fulfilled_by_message_id],
    ).toEqual(["fulfilled", "reply", base.messageId]);
    const again = await fulfilPromise(t.db, a?.id ?? "", NOW, { kind: "agent", agentId: null });
    expect(again.ok ? null : again.error).toEqual({
      code: "conflict",
      message: expect.stringContaining("fulfilled"),
    });
    const cancelled = await cancelPromise(t.db, b?.id ?? "", NOW, "customer withdrew");
    expect(cancelled.ok && cancelled.value.cancel_reason).toBe("customer withdrew");
    expect((await setPromiseDue(t.db, b?.id ?? "", { dueAt: null, dueText: null })).ok).toBe(false);
    for (const result of [
      await getPromise(t.db, MISSING),
      await fulfilPromise(t.db, MISSING, NOW, { kind: "agent", agentId: null }),
      await cancelPromise(t.db, "bad-id", NOW, "x"),
    ])
      expect(result.ok ? null : result.error.code).toBe("not_found");
  });

  it("keeps a timezone on the customer, none until set", async () => {
    const customer = await createCustomer(t.db, { name: "Tomo" });
    expect(customer.timezone).toBeNull();
    await setCustomerTimezone(t.db, customer.id, "Asia/Tokyo");
    const read = await getCustomer(t.db, customer.id);
    expect(read.ok && read.value.timezone).toBe("Asia/Tokyo");
    expect((await setCustomerTimezone(t.db, MISSING, "UTC")).ok).toBe(false);
  });
});
