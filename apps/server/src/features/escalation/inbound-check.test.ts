/**
 * @module The cheap look after each inbound message agrees with the full evaluation, message after message, while
 * it reads the thread whole only when something other than the next customer message was written to the case.
 */
import { addMessage, type Database, listMessages, type Message } from "@keel/db";
import { backends } from "@keel/db/testing";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { SYSTEM_ACTOR } from "../audit/service.js";
import { createCase } from "../cases/service.js";
import { analyseInbound, analyseOutbound } from "../messages/analysis.js";
import { DEFAULT_ESCALATION_RULES } from "./default-rules.js";
import { evaluateCase } from "./evaluate.js";
import { forgetKeptThreads, nothingEscalates, readChecksAhead } from "./inbound-check.js";
import { saveRules } from "./rule-store.js";

const CALM = "Hi, could you tell me when my parcel will arrive? Order #A-100.";
const MANAGER = "This is not good enough. I want to speak to a manager.";
const SAFETY = "The heater smells of gas, I think there is a gas leak in the flat.";
const REPLY = "I'm sorry for the wait. I've asked the courier and will update you tomorrow by noon.";

/** Counts the statements that read a case's whole thread, and the checks' own, by patching the driver. */
function countWholeThreadReads(): { reads: () => number; checks: () => number; restore: () => void } {
  const original = pg.Client.prototype.query;
  let n = 0;
  let checks = 0;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === "string" ? first : (first?.text ?? "");
    if (/^\s*SELECT m\.id, m\.direction/.test(text)) n++;
    if (text.includes("AS q_newer")) checks++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    reads: () => n,
    checks: () => checks,
    restore: () => {
      pg.Client.prototype.query = original;
    },
  };
}

describe.each(backends())("the inbound escalation check on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let counter: ReturnType<typeof countWholeThreadReads>;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    forgetKeptThreads();
    counter = countWholeThreadReads();
  });
  afterEach(() => counter.restore());

  const newCase = async () => {
    const customer = await t.deps.db
      .insertInto("customers")
      .values({ name: "Dana Whitfield" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const kase = await createCase(t.deps, { subject: "Parcel", customerId: customer.id });
    if (!kase.ok) throw new Error(kase.error.message);
    return kase.value.id;
  };
  let at = Date.now() - 3_600_000;
  const write = async (
    db: Kysely<Database>,
    caseId: string,
    direction: "inbound" | "outbound",
    body: string,
    backdated = false,
  ) => {
    const now = t.deps.clock.now();
    const analysis =
      direction === "inbound"
        ? analyseInbound(body, [], now)
        : analyseOutbound(body, await listMessages(db, caseId), now);
    // A second apart, so each message is the thread's newest whatever the clock's resolution; a backdated one
    // lands between the last two.
    at += 1_000;
    const added = await addMessage(db, {
      caseId,
      direction,
      channel: "api",
      body,
      analysis,
      createdAt: new Date(backdated ? at - 1_500 : at),
    });
    if (!added.ok) throw new Error(added.error.message);
    return added.value.message;
  };
  /** The full evaluation's answer: no rule that escalates fires. */
  const fullAnswer = async (db: Kysely<Database>, caseId: string) => {
    const ev = await evaluateCase(db, caseId, t.deps.clock.now());
    if (!ev.ok) throw new Error(ev.error.message);
    return !ev.value.outcomes.some((o) => o.fires && o.rule.action.kind === "escalate");
  };
  const check = (db: Kysely<Database>, caseId: string, _message: Message) =>
    nothingEscalates(db, caseId, t.deps.clock.now());

  it("answers as the full evaluation does, reading the thread again only after something else was written", async () => {
    const caseId = await newCase();
    const steps: Array<["inbound" | "outbound", string, number, boolean?]> = [
      ["inbound", CALM, 0],
      ["inbound", CALM, 0],
      ["outbound", REPLY, 0],
      ["inbound", CALM, 0],
      ["inbound", MANAGER, 0],
      // The request for a manager is still in the thread: the rule keeps firing from the kept cues.
      ["inbound", CALM, 0],
      // Written before the newest kept message (an import): the thread is read whole again.
      ["outbound", REPLY, 0, true],
      ["inbound", CALM, 1],
      ["inbound", SAFETY, 0],
    ];
    for (const [direction, body, reads, backdated] of steps) {
      const message = await write(t.deps.db, caseId, direction, body, backdated);
      if (direction === "outbound") continue;
      const before = counter.reads();
      const quiet = await check(t.deps.db, caseId, message);
      expect(counter.reads() - before, body).toBe(reads);
      expect(quiet, body).toBe(await fullAnswer(t.deps.db, caseId));
    }
  });

  it("uses a rule set saved between two messages for the next one", async () => {
    const caseId = await newCase();
    expect(await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM))).toBe(true);
    const anyCustomer = {
      id: "any-customer",
      name: "Every customer who is not getting angrier",
      enabled: true,
      conditions: { angerRising: false },
      action: { kind: "escalate" as const, priority: "high" as const },
    };
    const saved = await saveRules(
      t.deps.db,
      { rules: [...DEFAULT_ESCALATION_RULES, anyCustomer] },
      SYSTEM_ACTOR,
    );
    expect(saved.ok).toBe(true);
    expect(await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM))).toBe(false);
    const restored = await saveRules(t.deps.db, { rules: [...DEFAULT_ESCALATION_RULES] }, SYSTEM_ACTOR);
    expect(restored.ok).toBe(true);
    expect(await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM))).toBe(true);
  });

  it("tells a repeat customer by their earlier cases as the full evaluation does, however many they have", async () => {
    const repeatCustomers = {
      id: "repeat-customers",
      name: "Customers with several earlier cases",
      enabled: true,
      conditions: { repeatContact: true },
      action: { kind: "escalate" as const, priority: "high" as const },
    };
    expect((await saveRules(t.deps.db, { rules: [repeatCustomers] }, SYSTEM_ACTOR)).ok).toBe(true);
    try {
      const customer = await t.deps.db
        .insertInto("customers")
        .values({ name: "Rory Many-Cases" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const answers: boolean[] = [];
      for (let n = 0; n < 6; n++) {
        const kase = await createCase(t.deps, { subject: `Case ${n}`, customerId: customer.id });
        if (!kase.ok) throw new Error(kase.error.message);
        const quiet = await check(
          t.deps.db,
          kase.value.id,
          await write(t.deps.db, kase.value.id, "inbound", CALM),
        );
        expect(quiet, `${n} earlier cases`).toBe(await fullAnswer(t.deps.db, kase.value.id));
        answers.push(quiet);
      }
      expect(answers).toEqual([true, true, true, false, false, false]);
    } finally {
      expect((await saveRules(t.deps.db, { rules: [...DEFAULT_ESCALATION_RULES] }, SYSTEM_ACTOR)).ok).toBe(
        true,
      );
    }
  });

  it("forgets a message whose transaction rolled back", async () => {
    const caseId = await newCase();
    await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM));
    await t.deps.db
      .transaction()
      .execute(async (trx) => {
        const message = await write(trx, caseId, "inbound", MANAGER);
        expect(await check(trx, caseId, message)).toBe(false);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    // The next message takes the place the rolled-back one had: its request for a manager is gone with it.
    const before = counter.reads();
    expect(await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM))).toBe(true);
    expect(await fullAnswer(t.deps.db, caseId)).toBe(true);
    // Read from what was kept, without the rolled-back message.
    expect(counter.reads() - before).toBe(0);
  });

  it("keeps no message of a transaction still open, and sees it once committed", async () => {
    const caseId = await newCase();
    await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM));
    await t.deps.db.transaction().execute(async (trx) => {
      expect(await check(trx, caseId, await write(trx, caseId, "inbound", MANAGER))).toBe(false);
      expect(await check(trx, caseId, await write(trx, caseId, "inbound", CALM))).toBe(false);
    });
    const before = counter.reads();
    expect(await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM))).toBe(false);
    expect(await fullAnswer(t.deps.db, caseId)).toBe(false);
    expect(counter.reads() - before).toBe(0);
  });

  it("answers from a row read ahead as from its own query, until the kept thread changed", async () => {
    const caseId = await newCase();
    const other = await newCase();
    await check(t.deps.db, caseId, await write(t.deps.db, caseId, "inbound", CALM));
    await write(t.deps.db, caseId, "inbound", MANAGER);
    await write(t.deps.db, other, "inbound", CALM);
    const before = counter.checks();
    const ahead = await readChecksAhead(t.deps.db, [caseId, other, caseId]);
    expect(counter.checks() - before).toBe(1);
    expect([...ahead.keys()].sort()).toEqual([caseId, other].sort());
    expect(await nothingEscalates(t.deps.db, caseId, t.deps.clock.now(), ahead.get(caseId))).toBe(false);
    expect(await fullAnswer(t.deps.db, caseId)).toBe(false);
    expect(await nothingEscalates(t.deps.db, other, t.deps.clock.now(), ahead.get(other))).toBe(true);
    expect(counter.checks() - before).toBe(1);
    // The check above kept a newer thread of the case: the row read ahead no longer answers, a query does.
    await write(t.deps.db, caseId, "inbound", CALM);
    expect(await nothingEscalates(t.deps.db, caseId, t.deps.clock.now(), ahead.get(caseId))).toBe(false);
    expect(counter.checks() - before).toBe(2);
    expect(counter.reads()).toBe(0);
  });

  it("answers from a row read ahead without the text of messages the caller holds, as from one with it", async () => {
    const held = await newCase();
    const plain = await newCase();
    await check(t.deps.db, held, await write(t.deps.db, held, "inbound", CALM));
    await check(t.deps.db, plain, await write(t.deps.db, plain, "inbound", CALM));
    const heldMessage = await write(t.deps.db, held, "inbound", MANAGER);
    await write(t.deps.db, plain, "inbound", MANAGER);
    const ahead = await readChecksAhead(t.deps.db, [held, plain], new Map([[heldMessage.id, heldMessage]]));
    // The row carries the held message without its text and reading; the answer is the same as with them.
    const newer = ahead.get(held)?.row?.q_newer ?? [];
    expect(newer.map((m) => [m.id, m.body, m.analysis])).toEqual([[heldMessage.id, null, null]]);
    expect(ahead.get(plain)?.row?.q_newer.map((m) => m.body)).toEqual([MANAGER]);
    const now = t.deps.clock.now();
    expect(await nothingEscalates(t.deps.db, held, now, ahead.get(held))).toBe(false);
    expect(await nothingEscalates(t.deps.db, plain, now, ahead.get(plain))).toBe(false);
    expect(await fullAnswer(t.deps.db, held)).toBe(false);
  });

  it("reads ahead nothing for a case that is gone", async () => {
    const gone = "00000000-0000-4000-8000-000000000000";
    const ahead = await readChecksAhead(t.deps.db, [gone]);
    expect(ahead.get(gone)?.row).toBeUndefined();
    expect(await nothingEscalates(t.deps.db, gone, t.deps.clock.now(), ahead.get(gone))).toBe(true);
  });
});
