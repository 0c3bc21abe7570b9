/**
 * @module Statements per inbound message: ingest speed is bounded by round trips to PostgreSQL, so storing a
 * customer message must stay a fixed, small number of statements (reactions of other features counted apart).
 */
import type { Case } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reactToStoredMessage } from "../../reactions/index.js";
import { countingStatements } from "../../testing/counting.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { getCase, setStatus } from "../cases/service.js";
import { createWebhook } from "../webhooks/store.js";
import { addInboundMessage, type InboundMessageInput } from "./service.js";

class RolledBack extends Error {}

async function hadInbound(t: TestApp, caseId: string, messageId: string): Promise<boolean> {
  const other = await t.deps.db
    .selectFrom("messages")
    .select("id")
    .where("case_id", "=", caseId)
    .where("direction", "=", "inbound")
    .where("id", "<>", messageId)
    .executeTakeFirst();
  return other !== undefined;
}

/** Statements the message reactions of the other features run for this message, measured in a rolled-back transaction. */
async function reactionStatements(
  t: TestApp,
  caseId: string,
  messageId: string,
  caseAtArrival?: Case,
): Promise<number> {
  const probe = countingStatements(t.deps.db);
  const kase = caseAtArrival ? { ok: true as const, value: caseAtArrival } : await getCase(t.deps, caseId);
  const message = await t.deps.db
    .selectFrom("messages")
    .selectAll()
    .where("id", "=", messageId)
    .executeTakeFirst();
  if (!kase.ok || !message) throw new Error("case or message missing");
  await probe.db
    .transaction()
    .execute(async (trx) => {
      await reactToStoredMessage({
        trx,
        deps: t.deps,
        case: kase.value,
        message,
        actor: { kind: "contact", id: message.author_contact_id },
        now: t.deps.clock.now(),
        // As the message service passes them: it read the contact and the earlier messages already.
        authorBlocked: false,
        hadInbound: await hadInbound(t, caseId, messageId),
      });
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return probe.statements();
}

describe.each(backends())("statements per inbound message on %s PostgreSQL", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());

  const from = { kind: "email" as const, value: "counted@example.com", name: "Counted" };

  /** Stores a message counting statements; `caseAtArrival`: the case as the reactions saw it, when it changed since. */
  async function storeCounted(input: InboundMessageInput, caseAtArrival?: Case) {
    const probe = countingStatements(t.deps.db);
    const transactions = vi.spyOn(probe.db, "transaction");
    const stored = await addInboundMessage({ ...t.deps, db: probe.db }, input);
    if (!stored.ok) throw new Error(stored.error.message);
    const reactions = await reactionStatements(
      t,
      stored.value.case.id,
      stored.value.message.id,
      caseAtArrival,
    );
    const own = probe.statements() - reactions;
    return { stored: stored.value, own, transactions: transactions.mock.calls.length };
  }

  it("stores a known sender's message on an existing case in two statements", async () => {
    const first = await storeCounted({
      newCase: { subject: "Counted" },
      contact: from,
      body: "Hello?",
      channel: "api",
    });
    const { stored, own } = await storeCounted({
      caseId: first.stored.case.id,
      contact: from,
      body: "Still waiting for an answer, this is getting ridiculous.",
      channel: "api",
    });
    expect(stored.created).toBe(true);
    // One read (sender, case, earlier messages) and one write (message with its audit entry).
    expect(own).toBe(2);
  });

  it("reopens a case waiting on the customer in the same transaction", async () => {
    const first = await storeCounted({
      newCase: { subject: "Reopen" },
      contact: from,
      body: "Hi",
      channel: "api",
    });
    const waiting = await setStatus(t.deps, first.stored.case.id, "pending_customer");
    if (!waiting.ok) throw new Error(waiting.error.message);
    const { stored, transactions } = await storeCounted(
      {
        caseId: first.stored.case.id,
        contact: from,
        body: "Here is the photo you asked for.",
        channel: "api",
      },
      waiting.value,
    );
    expect(stored.case.status).toBe("open");
    expect(stored.case.sla_paused_at).toBeNull();
    // The message, the reopening and their audit entries commit together.
    expect(transactions).toBe(1);
  });

  it("queues webhook events for inbound messages only while a webhook subscribes to them", async () => {
    const events = () =>
      t.deps.jobs.sent
        .filter((j) => j.queue === "webhook.dispatch")
        .map((j) => (j.data as { event?: string }).event);
    const email = (n: number) => ({
      newCase: { subject: `Events ${n}` },
      contact: from,
      body: "Hello?",
      channel: "email" as const,
      externalMessageId: `<events-${n}@example.com>`,
    });
    t.deps.jobs.sent.length = 0;
    await addInboundMessage(t.deps, email(1));
    expect(events()).toEqual([]);
    await createWebhook(t.deps.db, { url: "https://hooks.example/keel", events: ["message.created"] });
    await addInboundMessage(t.deps, email(2));
    expect(events()).toEqual(["message.created"]);
  });

  it("opens a case for a new sender's email, de-duplicated by Message-ID", async () => {
    const email = {
      newCase: { subject: "New" },
      contact: { kind: "email" as const, value: "first-time@example.com" },
      body: "My first message.",
      channel: "email" as const,
      externalMessageId: "<counted-1@example.com>",
    };
    const { stored, own } = await storeCounted(email);
    expect(stored.caseCreated).toBe(true);
    // Lock on the Message-ID, read, new customer+contact, SLA targets, case, case audit, message+audit.
    expect(own).toBeLessThanOrEqual(7);
    const again = await addInboundMessage(t.deps, email);
    expect(again.ok && again.value.created).toBe(false);
    expect(again.ok && again.value.message.id).toBe(stored.message.id);
  });

  it("stores an email delivered twice at once only once", async () => {
    const email = {
      newCase: { subject: "Twice" },
      contact: { kind: "email" as const, value: "twice@example.com" },
      body: "Sent once, delivered twice.",
      channel: "email" as const,
      externalMessageId: "<twice@example.com>",
    };
    const results = await Promise.all([addInboundMessage(t.deps, email), addInboundMessage(t.deps, email)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    const rows = await t.deps.db
      .selectFrom("messages")
      .select("case_id")
      .where("external_message_id", "=", "<twice@example.com>")
      .execute();
    expect(rows).toHaveLength(1);
  });
});
