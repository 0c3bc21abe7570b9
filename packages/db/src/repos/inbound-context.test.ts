/** @module What storing an inbound message reads first: sender, case and the earlier customer messages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Case, Contact } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createCase } from "./cases.js";
import { resolveCustomerByContact } from "./contacts.js";
import { readInboundContext, readInboundContexts } from "./inbound-context.js";
import { addMessage } from "./messages.js";

describe.each(backends())("inbound context on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let contact: Contact;
  let customerId: string;
  let minute = 0;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const sender = await resolveCustomerByContact(t.db, {
      kind: "email",
      value: "ana@example.com",
      name: "Ana",
    });
    if (!sender.ok) throw new Error(sender.error.message);
    contact = sender.value.contact;
    customerId = sender.value.customer.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** A case whose customer wrote `bodies` in this order (an outbound reply after each, which is never read back). */
  async function caseWith(bodies: readonly string[]): Promise<Case> {
    const created = await createCase(t.db, { subject: "Thread", customerId });
    if (!created.ok) throw new Error(created.error.message);
    for (const [n, body] of bodies.entries()) {
      const at = (offset: number) => new Date(Date.UTC(2026, 10, 1, 9, minute++ + offset));
      const inbound = await addMessage(t.db, {
        caseId: created.value.id,
        direction: "inbound",
        channel: "email",
        body,
        authorContactId: contact.id,
        analysis: { kind: "customer", result: { anger: n * 10 } },
        createdAt: at(0),
      });
      if (!inbound.ok) throw new Error(inbound.error.message);
      await addMessage(t.db, {
        caseId: created.value.id,
        direction: "outbound",
        channel: "email",
        body: "Noted.",
        createdAt: at(0),
      });
    }
    return created.value;
  }

  const earlierOf = async (kase: Case) =>
    (
      await readInboundContext(t.db, {
        kind: "email",
        value: "ana@example.com",
        caseId: kase.id,
        externalMessageId: null,
      })
    ).earlier.map((m) => [m.body, m.anger]);

  it("reads the sender, the case and the latest three customer messages, oldest first, with their anger", async () => {
    const kase = await caseWith(["one", "two", "three", "four", "five"]);
    const context = await readInboundContext(t.db, {
      kind: "email",
      value: "ana@example.com",
      caseId: kase.id,
      externalMessageId: null,
    });
    expect(context.sender?.contact.id).toBe(contact.id);
    expect(context.case?.id).toBe(kase.id);
    expect(context.earlier.map((m) => [m.body, m.anger])).toEqual([
      ["three", 20],
      ["four", 30],
      ["five", 40],
    ]);
  });

  it("reads all of a short thread, blank messages included", async () => {
    expect(await earlierOf(await caseWith([]))).toEqual([]);
    expect(await earlierOf(await caseWith(["  ", "only"]))).toEqual([
      ["  ", 0],
      ["only", 10],
    ]);
  });

  it("reaches back for older messages with text when fewer than two of the latest three have any", async () => {
    expect(await earlierOf(await caseWith(["first", "second", "third", " ", "", "last"]))).toEqual([
      ["third", 20],
      [" ", 30],
      ["", 40],
      ["last", 50],
    ]);
    expect(await earlierOf(await caseWith(["first", "second", "", " ", "\n"]))).toEqual([
      ["first", 0],
      ["second", 10],
      ["", 20],
      [" ", 30],
      ["\n", 40],
    ]);
    expect(await earlierOf(await caseWith(["first", "second", "", "x", "y"]))).toEqual([
      ["", 20],
      ["x", 30],
      ["y", 40],
    ]);
  });

  it("answers several messages in the order asked, an unknown case and sender as null", async () => {
    const kase = await caseWith(["hello"]);
    const contexts = await readInboundContexts(t.db, [
      {
        kind: "email",
        value: "nobody@example.com",
        caseId: "00000000-0000-4000-8000-000000000000",
        externalMessageId: null,
      },
      { kind: "email", value: "ana@example.com", caseId: kase.id, externalMessageId: null },
      { kind: "email", value: "ana@example.com", caseId: "not a uuid", externalMessageId: null },
    ]);
    expect(contexts.map((c) => [c.sender?.contact.id ?? null, c.case?.id ?? null, c.earlier.length])).toEqual(
      [
        [null, null, 0],
        [contact.id, kase.id, 1],
        [contact.id, null, 0],
      ],
    );
  });
});
