/** @module The per-case message counts kept by triggers: always the number of the case's rows in `messages`. */

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Case, Contact } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createCase } from "./cases.js";
import { resolveCustomerByContact } from "./contacts.js";
import { addInboundMessages, addMessage, lockCaseMessageCounts } from "./messages.js";

describe.each(backends())("case message counts on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let contact: Contact;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const sender = await resolveCustomerByContact(t.db, {
      kind: "email",
      value: "kim@example.com",
      name: "Kim",
    });
    if (!sender.ok) throw new Error(sender.error.message);
    contact = sender.value.contact;
    customerId = sender.value.customer.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function newCase(subject: string): Promise<Case> {
    const created = await createCase(t.db, { subject, customerId });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  }

  /** The cases whose kept count differs from their real number of messages (none, when the counts are right). */
  async function countsAndRows(): Promise<
    Array<{ case_id: string; kept: string | null; real: string | null }>
  > {
    const { rows } = await sql<{ case_id: string; kept: string | null; real: string | null }>`
      SELECT coalesce(k.case_id, m.case_id) AS case_id, k.messages::text AS kept, m.n::text AS real
        FROM case_message_counts k
        FULL JOIN (SELECT case_id, count(*) AS n FROM messages GROUP BY case_id) m ON m.case_id = k.case_id
       WHERE coalesce(k.messages, 0) <> coalesce(m.n, 0)`.execute(t.db);
    return rows;
  }

  async function keptCount(caseId: string): Promise<number> {
    const row = await t.db
      .selectFrom("case_message_counts")
      .select("messages")
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    return Number(row?.messages ?? 0);
  }

  const inbound = (caseId: string, externalMessageId: string | null = null) => ({
    id: randomUUID(),
    caseId,
    channel: "api" as const,
    body: "Still broken.",
    authorContactId: contact.id,
    rawSource: null,
    externalMessageId,
    analysisJson: null,
    createdAt: null,
    queueReactions: false,
    hadInbound: null,
  });

  it("counts single inserts and batches across cases, and not a duplicate left out", async () => {
    const a = await newCase("Counted A");
    const b = await newCase("Counted B");
    expect(await keptCount(a.id)).toBe(0);
    const one = await addMessage(t.db, { caseId: a.id, direction: "note", channel: "email", body: "n" });
    expect(one.ok).toBe(true);
    const batch = await addInboundMessages(t.db, [inbound(a.id, "x-1"), inbound(b.id, "x-1")]);
    expect(batch.ok).toBe(true);
    // The same channel id again: not added, not counted.
    const again = await addInboundMessages(t.db, [inbound(b.id, "x-1")]);
    expect(again.ok && again.value[0]?.created).toBe(false);
    expect(await keptCount(a.id)).toBe(2);
    expect(await keptCount(b.id)).toBe(1);
    expect(await countsAndRows()).toEqual([]);
  });

  it("lowers the count when messages are deleted and drops it with its case", async () => {
    const kase = await newCase("Shrinking");
    for (const n of [1, 2, 3]) await addInboundMessages(t.db, [inbound(kase.id, `d-${n}`)]);
    await t.db.deleteFrom("messages").where("external_message_id", "=", "d-2").execute();
    expect(await keptCount(kase.id)).toBe(2);
    await t.db.deleteFrom("cases").where("id", "=", kase.id).execute();
    const left = await t.db
      .selectFrom("case_message_counts")
      .select("case_id")
      .where("case_id", "=", kase.id)
      .execute();
    expect(left).toEqual([]);
    expect(await countsAndRows()).toEqual([]);
  });

  it("rolls back with the transaction that added the messages", async () => {
    const kase = await newCase("Rolled back");
    await expect(
      t.db.transaction().execute(async (trx) => {
        await addInboundMessages(trx, [inbound(kase.id)]);
        expect(
          await sql<{ n: string }>`SELECT messages::text AS n FROM case_message_counts
          WHERE case_id = ${kase.id}`.execute(trx),
        ).toMatchObject({ rows: [{ n: "1" }] });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await keptCount(kase.id)).toBe(0);
  });

  it("gives every case its count row when it is created, which a writer can lock ahead", async () => {
    const kase = await newCase("Fresh");
    const rows = await t.db
      .selectFrom("case_message_counts")
      .selectAll()
      .where("case_id", "=", kase.id)
      .execute();
    expect(rows).toEqual([{ case_id: kase.id, messages: "0" }]);
    await t.db.transaction().execute(async (trx) => {
      await lockCaseMessageCounts(trx, [kase.id]);
      // Another connection cannot take the row while this transaction holds it.
      await expect(
        sql`SELECT FROM case_message_counts WHERE case_id = ${kase.id} FOR UPDATE NOWAIT`.execute(t.db),
      ).rejects.toThrow(/could not obtain lock/);
    });
  });

  /**
   * Two transactions add messages to the same two cases in opposite orders, one statement per case, the second
   * starting after the first's first insert; with `lockAhead` each first locks both cases' counts.
   */
  async function crosswise(lockAhead: boolean) {
    const a = (await newCase("Crosswise A")).id;
    const b = (await newCase("Crosswise B")).id;
    let firstInserted = () => {};
    const firstReady = new Promise<void>((resolve) => (firstInserted = resolve));
    let secondInserted = () => {};
    const secondReady = new Promise<void>((resolve) => (secondInserted = resolve));
    const first = t.db.transaction().execute(async (trx) => {
      if (lockAhead) await lockCaseMessageCounts(trx, [a, b]);
      await addInboundMessages(trx, [inbound(a)]);
      firstInserted();
      if (!lockAhead) await secondReady;
      await addInboundMessages(trx, [inbound(b)]);
    });
    const second = t.db.transaction().execute(async (trx) => {
      await firstReady;
      if (lockAhead) await lockCaseMessageCounts(trx, [b, a]);
      await addInboundMessages(trx, [inbound(b)]);
      secondInserted();
      await addInboundMessages(trx, [inbound(a)]);
    });
    return Promise.allSettled([first, second]);
  }

  it("keeps transactions that add to several cases in several statements from deadlocking, once they lock ahead", async () => {
    // The counts are locks: without locking ahead, crosswise writers deadlock (PostgreSQL cancels one)…
    const unlocked = await crosswise(false);
    expect(unlocked.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([
      expect.stringMatching(/deadlock detected/),
    ]);
    // …and with it, the second waits for the first and both commit.
    const locked = await crosswise(true);
    expect(locked.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await countsAndRows()).toEqual([]);
  });

  it("refuses to move a message to another case, which the counts could not follow", async () => {
    const from = await newCase("From");
    const to = await newCase("To");
    const added = await addMessage(t.db, { caseId: from.id, direction: "note", channel: "email", body: "x" });
    if (!added.ok) throw new Error(added.error.message);
    await expect(
      t.db.updateTable("messages").set({ case_id: to.id }).where("id", "=", added.value.message.id).execute(),
    ).rejects.toThrow(/cannot move to another case/);
    expect(await countsAndRows()).toEqual([]);
  });
});
