/** @module Message repository on every backend: conversation order, de-duplication by external id, analysis. */

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "../result.js";
import type { Case, Contact } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createAgent } from "./agents.js";
import { createCase } from "./cases.js";
import { resolveCustomerByContact } from "./contacts.js";
import {
  addInboundMessages,
  addMessage,
  findMessagesByExternalId,
  getMessage,
  getMessageRawSource,
  listMessages,
  setMessageAnalysis,
} from "./messages.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("messages on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let kase: Case;
  let contact: Contact;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const sender = await resolveCustomerByContact(t.db, {
      kind: "email",
      value: "mo@example.com",
      name: "Mo",
    });
    if (!sender.ok) throw new Error(sender.error.message);
    contact = sender.value.contact;
    const created = await createCase(t.db, { subject: "Refund", customerId: sender.value.customer.id });
    if (!created.ok) throw new Error(created.error.message);
    kase = created.value;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("adds inbound, outbound and note messages and lists them in time order", async () => {
    const agent = await createAgent(t.db, { email: "rep@example.com", name: "Rep", role: "agent" });
    if (!agent.ok) throw new Error(agent.error.message);
    const inbound = await addMessage(t.db, {
      caseId: kase.id,
      direction: "inbound",
      channel: "email",
      body: "Where is my refund?",
      authorContactId: contact.id,
      rawSource: "From: mo@example.com\r\n\r\nWhere is my refund?",
      externalMessageId: "<a1@mail.example.com>",
      createdAt: new Date("2026-11-25T08:00:00Z"),
    });
    const reply = await addMessage(t.db, {
      caseId: kase.id,
      direction: "outbound",
      channel: "email",
      body: "It left today.",
      authorAgentId: agent.value.id,
      createdAt: new Date("2026-11-25T09:00:00Z"),
    });
    const note = await addMessage(t.db, {
      caseId: kase.id,
      direction: "note",
      channel: "web",
      body: "Checked with finance.",
      createdAt: new Date("2026-11-25T08:30:00Z"),
    });
    if (!inbound.ok || !reply.ok || !note.ok) throw new Error("setup failed");
    expect(inbound.value.created).toBe(true);
    expect(await getMessageRawSource(t.db, inbound.value.message.id)).toContain("From: mo@example.com");
    expect(await getMessage(t.db, reply.value.message.id)).toEqual({ ok: true, value: reply.value.message });
    expect((await listMessages(t.db, kase.id)).map((m) => m.direction)).toEqual([
      "inbound",
      "note",
      "outbound",
    ]);
  });

  it("does not store the same external message id twice on a case, but allows it on another case", async () => {
    const input = {
      caseId: kase.id,
      direction: "inbound" as const,
      channel: "email" as const,
      body: "Hello?",
      externalMessageId: "<dup@mail.example.com>",
    };
    const first = await addMessage(t.db, input);
    const again = await addMessage(t.db, { ...input, body: "Hello? (re-delivered)" });
    if (!first.ok || !again.ok) throw new Error("add failed");
    expect(again.value).toEqual({ message: first.value.message, created: false });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => addMessage(t.db, { ...input, externalMessageId: "<c>" })),
    );
    expect(concurrent.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    const otherCase = await createCase(t.db, { subject: "Other", customerId: kase.customer_id });
    if (!otherCase.ok) throw new Error(otherCase.error.message);
    const elsewhere = await addMessage(t.db, { ...input, caseId: otherCase.value.id });
    expect(elsewhere.ok && elsewhere.value.created).toBe(true);
    expect(await findMessagesByExternalId(t.db, "<dup@mail.example.com>")).toHaveLength(2);
    expect(await findMessagesByExternalId(t.db, "<never@seen>")).toEqual([]);
  });

  it("stores and replaces the coach's analysis as JSON, arrays included", async () => {
    const added = await addMessage(t.db, {
      caseId: kase.id,
      direction: "inbound",
      channel: "chat",
      body: "This is the third time!",
      analysis: { anger: 0.8, labels: ["repeat_contact"] },
    });
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.message.analysis).toEqual({ anger: 0.8, labels: ["repeat_contact"] });
    const replaced = await setMessageAnalysis(t.db, added.value.message.id, [{ label: "urgency", value: 1 }]);
    expect(replaced.ok && replaced.value.analysis).toEqual([{ label: "urgency", value: 1 }]);
    const missing = await setMessageAnalysis(t.db, MISSING, {});
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
  });

  it("refuses unknown cases, two authors and unknown messages", async () => {
    const base = { direction: "inbound" as const, channel: "api" as const, body: "x" };
    const noCase = await addMessage(t.db, { ...base, caseId: MISSING });
    expect(noCase.ok ? null : noCase.error.code).toBe("not_found");
    const agent = await createAgent(t.db, { email: "two@example.com", name: "Two", role: "agent" });
    if (!agent.ok) throw new Error(agent.error.message);
    const twoAuthors = await addMessage(t.db, {
      ...base,
      caseId: kase.id,
      authorAgentId: agent.value.id,
      authorContactId: contact.id,
    });
    expect(twoAuthors.ok ? null : twoAuthors.error.code).toBe("invalid");
    const missing = await getMessage(t.db, MISSING);
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
  });

  it("adds customers' messages together, each reading stored as sent and a missing one as null", async () => {
    const other = await createCase(t.db, { subject: "Second", customerId: kase.customer_id });
    if (!other.ok) throw new Error(other.error.message);
    const reading = {
      kind: "customer",
      result: { anger: 71, quote: 'a "quoted" \\ back\\slash, ünïcode 🙂' },
    };
    const base = { channel: "email" as const, authorContactId: contact.id, rawSource: null, createdAt: null };
    const added = await addInboundMessages(t.db, [
      {
        ...base,
        id: randomUUID(),
        caseId: kase.id,
        body: 'Body with "quotes", \\ and {braces}',
        externalMessageId: "<batch-1@example.com>",
        analysisJson: JSON.stringify(reading),
        queueReactions: true,
        hadInbound: true,
      },
      {
        ...base,
        id: randomUUID(),
        caseId: other.value.id,
        body: "No reading",
        externalMessageId: null,
        analysisJson: null,
        queueReactions: false,
        hadInbound: null,
      },
    ]);
    if (!added.ok) throw new Error(added.error.message);
    const [first, second] = added.value;
    expect(first?.message).toMatchObject({ body: 'Body with "quotes", \\ and {braces}', analysis: reading });
    expect(second?.message.analysis).toBeNull();
    const nulls = await t.db
      .selectFrom("messages")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("id", "=", second?.message.id ?? "")
      .where("analysis", "is", null)
      .executeTakeFirstOrThrow();
    expect(Number(nulls.n)).toBe(1);
    const queued = await t.db.selectFrom("message_reactions_due").select("message_id").execute();
    expect(queued.map((q) => q.message_id)).toEqual([first?.message.id]);
    // What the insert answers is built from what was sent, not read back: it must be what a read returns.
    for (const { message } of added.value) expect(await getMessage(t.db, message.id)).toEqual(ok(message));
  });

  it("answers a batch's messages as stored, a reading given as a value included, and a duplicate as first stored", async () => {
    const reading = { kind: "customer", result: { anger: 12, spans: [{ start: 0, end: 4 }], label: "calm" } };
    const row = {
      id: randomUUID(),
      caseId: kase.id,
      channel: "web" as const,
      body: "  Twice?  ",
      authorContactId: contact.id,
      rawSource: null,
      externalMessageId: "web-form-7",
      analysisJson: JSON.stringify(reading),
      analysis: reading,
      createdAt: new Date("2026-11-20T10:00:00.123456Z"),
      queueReactions: false,
      hadInbound: null,
    };
    const added = await addInboundMessages(t.db, [row]);
    if (!added.ok) throw new Error(added.error.message);
    const stored = added.value[0]?.message;
    if (stored === undefined) throw new Error("nothing stored");
    expect(await getMessage(t.db, stored.id)).toEqual(ok(stored));
    const again = await addInboundMessages(t.db, [{ ...row, id: randomUUID(), body: "changed" }]);
    expect(again).toEqual(ok([{ message: stored, created: false }]));
  });

  it("reads a message's raw source only when asked for it: a thread of large emails is not read again whole", async () => {
    const big = `From: mo@example.com\r\n\r\n${"attachment bytes ".repeat(20_000)}`;
    const added = await addMessage(t.db, {
      caseId: kase.id,
      direction: "inbound",
      channel: "email",
      body: "See the attached photos.",
      authorContactId: contact.id,
      rawSource: big,
    });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.message.id;
    const got = await getMessage(t.db, id);
    const reads = [added.value.message, got.ok ? got.value : null, ...(await listMessages(t.db, kase.id))];
    for (const message of reads) expect(message).not.toHaveProperty("raw_source");
    expect(await getMessageRawSource(t.db, id)).toBe(big);
    expect(await getMessageRawSource(t.db, MISSING)).toBeNull();
  });
});
