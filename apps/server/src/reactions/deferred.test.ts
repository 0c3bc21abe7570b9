/** @module Deferred reactions: queued with the message, run once after its commit, kept across a crash. */
import { randomUUID } from "node:crypto";
import {
  addInboundMessages,
  addMessage,
  claimDueReactions,
  createAgent,
  type MessageChannel,
} from "@keel/db";
import { backends } from "@keel/db/testing";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "../features/cases/service.js";
import { ACKNOWLEDGE_QUEUE } from "../features/informed/service.js";
import { analyseInbound, analyseInboundTwice } from "../features/messages/analysis.js";
import { inboundBatcherFor } from "../features/messages/inbound-batch.js";
import { addInboundMessage } from "../features/messages/service.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { drainDueReactions, ReactionDrainer, reactionsSettled, runDueReactions } from "./deferred.js";

const LEGAL = "If this isn't fixed I will take legal action and report you to the ombudsman.";
const CALM = "Hi, could you tell me when my parcel will arrive? Order #A-100.";

/** Records the text of every statement sent while `run` runs, by patching the driver as the benchmarks do. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const original = pg.Client.prototype.query;
  const texts: string[] = [];
  (pg.Client.prototype as unknown as { query: unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string } | undefined;
    texts.push(typeof first === "string" ? first : (first?.text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return texts;
}
/** The inbound escalation check's statements (one message's, or a batch's read ahead). */
const checks = (texts: readonly string[]) => texts.filter((t) => t.includes("AS q_newer")).length;
/** Reads of a case's whole thread by the check, when its kept thread no longer matches the stored one. */
const wholeThreadReads = (texts: readonly string[]) =>
  texts.filter((t) => /^\s*SELECT m\.id, m\.direction/.test(t)).length;

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
    for (const body of bodies)
      await queueInbound(opened.value.case.id, body, opened.value.message.author_contact_id, {
        analysed: withAnalysis,
      });
    return opened.value.case.id;
  }

  /** Stores a customer's message with its reactions queued (whether the case had earlier ones: not known). */
  async function queueInbound(
    caseId: string,
    body: string,
    authorContactId: string | null,
    { analysed = true, channel = "email" }: { analysed?: boolean; channel?: MessageChannel } = {},
  ) {
    const added = await addInboundMessages(t.deps.db, [
      {
        id: randomUUID(),
        caseId,
        channel,
        body,
        authorContactId,
        rawSource: null,
        externalMessageId: null,
        analysisJson: analysed ? analyseInboundTwice(body, [], t.deps.clock.now()).json : null,
        createdAt: null,
        queueReactions: true,
        hadInbound: null,
      },
    ]);
    if (!added.ok) throw new Error(added.error.message);
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

  const escalationsOf = async (caseId: string) =>
    (await t.deps.db.selectFrom("escalations").select("id").where("case_id", "=", caseId).execute()).length;

  it("reads the escalation checks of a batch's cases in one statement", async () => {
    await drainDueReactions(t.deps, () => undefined);
    for (const name of ["one-a", "one-b", "one-c"]) await queuedOnNewCase(name, [CALM], true);
    const texts = await statementsOf(() => runDueReactions(t.deps, () => undefined));
    expect(await queued()).toBe(0);
    expect(checks(texts)).toBe(1);
  });

  it("checks a case's later message in the batch afresh, after what the earlier one's reactions wrote", async () => {
    await drainDueReactions(t.deps, () => undefined);
    const escalating = await queuedOnNewCase("two-a", [LEGAL, CALM], true);
    const calm = await queuedOnNewCase("two-b", [CALM], true);
    const texts = await statementsOf(() => runDueReactions(t.deps, () => undefined));
    expect(await queued()).toBe(0);
    // The batch's read ahead, then the second message's own look, which sees the escalation the first opened.
    expect(checks(texts)).toBe(2);
    const opened = texts.findIndex((t) => t.startsWith('insert into "escalations"'));
    expect(opened).toBeGreaterThan(-1);
    expect(texts.findLastIndex((t) => t.includes("AS q_newer"))).toBeGreaterThan(opened);
    // Seeing the case already escalated, it stops there: no second look for an escalation to open.
    expect(texts.filter((t) => t.includes('from "escalations"')).length).toBe(
      texts.slice(0, opened).filter((t) => t.includes('from "escalations"')).length,
    );
    expect(await escalationsOf(escalating)).toBe(1);
    expect(await escalationsOf(calm)).toBe(0);
  });

  it("reads a thread whole when a message appeared among the kept ones before its row was read ahead", async () => {
    await drainDueReactions(t.deps, () => undefined);
    const caseId = await queuedOnNewCase("among", [CALM], true);
    await drainDueReactions(t.deps, () => undefined);
    expect(await escalationsOf(caseId)).toBe(0);
    // An imported legal threat, written before the messages already kept: only a whole read finds it.
    const [first] = await t.deps.db
      .selectFrom("messages")
      .select(["created_at", "author_contact_id"])
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute();
    if (!first) throw new Error("the case has no message");
    const imported = await addMessage(t.deps.db, {
      caseId,
      direction: "inbound",
      channel: "email",
      body: LEGAL,
      authorContactId: first.author_contact_id,
      analysis: analyseInbound(LEGAL, [], t.deps.clock.now()),
      createdAt: first.created_at,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    await queueInbound(caseId, CALM, first.author_contact_id);
    await queuedOnNewCase("among-other", [CALM], true);
    const texts = await statementsOf(() => runDueReactions(t.deps, () => undefined));
    expect(checks(texts)).toBe(1);
    expect(wholeThreadReads(texts)).toBe(1);
    expect(await escalationsOf(caseId)).toBe(1);
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
      Array.from({ length: 72 }, (_, i) => `Message ${i}`),
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

  /** Submits a customer's message through the batcher while another transaction holds its case: it stays writing. */
  async function writingHeld(name: string, run: () => Promise<void>) {
    const held = await addInboundMessage(t.deps, email(name));
    if (!held.ok) throw new Error(held.error.message);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.deps.db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM cases WHERE id = ${held.value.case.id} FOR UPDATE`.execute(trx);
      locked();
      await released;
    });
    await isLocked;
    const batcher = inboundBatcherFor(t.deps.db);
    const { newCase: _opensNone, ...next } = email(`${name}-next`);
    const writing = batcher.submit(t.deps, { ...next, caseId: held.value.case.id });
    expect(batcher.busy).toBe(true);
    try {
      await run();
    } finally {
      release();
      await holder;
      expect((await writing).ok).toBe(true);
      await reactionsSettled(t.deps);
    }
  }

  it("lets customers' messages being written go first, for at most its limit", async () => {
    await drainDueReactions(t.deps, () => undefined);
    await queuedOnNewCase("yield", [CALM], true);
    const patient = new ReactionDrainer(t.deps, () => undefined, 60_000);
    await writingHeld("yield-held", async () => {
      patient.kick();
      // Long enough for a drain that does not wait to have run a calm message's reactions.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 15));
      expect(await queued()).toBe(1);
      // A drain whose limit has passed runs while messages are still being written.
      const due = new ReactionDrainer(t.deps, () => undefined, 0);
      due.kick();
      await due.settled();
      expect(await queued()).toBe(0);
    });
    // Once the writing is done, the patient drain goes on (and finds nothing left).
    await patient.settled();
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

  // Last: the agent it adds takes every new case from here on.
  it("checks a case routed by its message's earlier reaction with the row as routed, still read ahead", async () => {
    await drainDueReactions(t.deps, () => undefined);
    const agent = await createAgent(t.deps.db, { email: "routed@test.keel", name: "Routed", role: "agent" });
    if (!agent.ok) throw new Error(agent.error.message);
    const caseIds: string[] = [];
    for (const name of ["Routed A", "Routed B"]) {
      const customer = await t.deps.db
        .insertInto("customers")
        .values({ name })
        .returning("id")
        .executeTakeFirstOrThrow();
      const kase = await createCase(t.deps, { subject: name, customerId: customer.id });
      if (!kase.ok) throw new Error(kase.error.message);
      await queueInbound(kase.value.id, LEGAL, null, { channel: "api" });
      caseIds.push(kase.value.id);
    }
    const texts = await statementsOf(() => runDueReactions(t.deps, () => undefined));
    expect(checks(texts)).toBe(1);
    for (const caseId of caseIds) {
      const kase = await t.deps.db
        .selectFrom("cases")
        .select("assignee_id")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow();
      expect(kase.assignee_id).toBe(agent.value.id);
      expect(await escalationsOf(caseId)).toBe(1);
    }
  });
});
