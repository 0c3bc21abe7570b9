/**
 * @module The hot statements of the ingest path, timed by PostgreSQL itself: `EXPLAIN ANALYZE` of each on a
 * database shaped like the ingest bench's (200 cases of one customer, 14,000 messages), 40 runs each in transactions
 * rolled back, minimum / first quartile / median execution time of a batch of 32. The CPU of one statement, free of
 * the scheduling noise of a whole bench run: measure a change to one of them here, then the whole in `npm run bench`.
 *
 *   npx tsx benchmarks/src/statement-plans.ts [insert|context|check|claim …] [--plan] [--contacts N]
 *
 * `--plan` prints each statement's last plan; `--contacts N` adds N customers with a contact each (a larger desk).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addInboundMessages,
  claimDueReactions,
  createCase,
  createCustomer,
  type NewInboundMessage,
  openDatabase,
  readInboundContexts,
  resolveCustomerByContact,
} from "@keel/db";
import { sql } from "kysely";
import pg from "pg";
import {
  nothingEscalates,
  readChecksAhead,
} from "../../apps/server/src/features/escalation/inbound-check.js";
import { analyseInboundTwice } from "../../apps/server/src/features/messages/analysis.js";
import { loadCorpus } from "./data.js";
import { percentile } from "./stats.js";

const CASES = 200;
const MESSAGES = 14_000;
const BATCH = 32;
const RUNS = 40;
/** A text each statement holds (and nothing else the bench sends does). */
const MARKERS = {
  insert: "INSERT INTO messages (id, case_id",
  context: "ctx_sender",
  check: "AS q_newer",
  claim: "WITH due AS",
} as const;
type Statement = keyof typeof MARKERS;

type Query = (...args: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;
const prototype = pg.Client.prototype as unknown as { query: Query };
const sendQuery = prototype.query;

/** While `run` runs, the statement holding `marker` is sent as EXPLAIN ANALYZE instead (and answers no rows). */
async function explained(
  marker: string,
  run: () => Promise<unknown>,
): Promise<{ ms: number; plan: string[] }> {
  let found: { ms: number; plan: string[] } | undefined;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === "string" ? first : (first.text ?? "");
    if (found !== undefined || !text.includes(marker)) return sendQuery.apply(this, args);
    const values = typeof first === "string" ? args[1] : first.values;
    return sendQuery
      .call(this, `EXPLAIN (ANALYZE, BUFFERS) ${text.replace("/* prepared */", "")}`, values)
      .then((result) => {
        const plan = result.rows.map((row) => String(row["QUERY PLAN"]));
        const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1]);
        found = { ms, plan };
        return { rows: [], rowCount: 0 };
      });
  };
  try {
    await run();
  } catch (error) {
    // Each run rolls back by throwing; the caller of the explained statement may also throw at its empty answer.
    if (found === undefined) throw error;
  } finally {
    prototype.query = sendQuery;
  }
  if (found === undefined) throw new Error(`no statement holding "${marker}" was sent`);
  return found;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showPlan = args.includes("--plan");
  const contactsAt = args.indexOf("--contacts");
  const extraContacts = contactsAt >= 0 ? Number(args[contactsAt + 1]) : 0;
  const asked = args.filter((a): a is Statement => a in MARKERS);
  const statements: Statement[] = asked.length > 0 ? asked : ["insert", "context", "check", "claim"];

  const dataDir = mkdtempSync(join(tmpdir(), "keel-statement-plans-"));
  const opened = await openDatabase({ dataDir });
  if (!opened.ok) throw new Error(opened.error.message);
  const { db, close } = opened.value;
  try {
    const texts = loadCorpus().customerTurns.slice(0, 500);
    const customer = await createCustomer(db, { name: "Bench customer" });
    const cases: Array<{ id: string; contact: string; value: string }> = [];
    for (let c = 0; c < CASES; c++) {
      const kase = await createCase(db, { subject: `Bench case ${c}`, customerId: customer.id });
      const value = `customer${c}@bench.keel`;
      const sender = await resolveCustomerByContact(db, { kind: "email", value, name: `Customer ${c}` });
      if (!kase.ok || !sender.ok) throw new Error("could not set up the bench's cases");
      cases.push({ id: kase.value.id, contact: sender.value.contact.id, value });
    }
    let n = 0;
    const message = (kase: { id: string; contact: string }): NewInboundMessage => {
      const body = texts[n % texts.length] ?? "Where is my order?";
      return {
        id: randomUUID(),
        caseId: kase.id,
        channel: "api",
        body,
        authorContactId: kase.contact,
        rawSource: null,
        externalMessageId: `bench-${n++}`,
        analysisJson: analyseInboundTwice(body, [], new Date()).json,
        createdAt: null,
        queueReactions: true,
        hadInbound: true,
      };
    };
    const batchOf = (k: number) =>
      Array.from({ length: BATCH }, (_, i) => cases[(k * BATCH + i) % CASES]).filter((c) => c !== undefined);
    for (let k = 0; k < MESSAGES / BATCH; k++) {
      const batch = batchOf(k).map(message);
      await db.transaction().execute((trx) => addInboundMessages(trx, batch));
    }
    await sql`DELETE FROM message_reactions_due`.execute(db);
    if (extraContacts > 0)
      await sql`WITH cu AS (INSERT INTO customers (name) SELECT 'Customer ' || g FROM generate_series(1, ${extraContacts}) g
                RETURNING id)
                INSERT INTO contacts (customer_id, kind, value) SELECT id, 'email', id::text || '@more.keel' FROM cu`.execute(
        db,
      );
    // Statistics as autovacuum would have them, but no VACUUM: in a busy desk the newest pages are not all-visible.
    await sql`ANALYZE`.execute(db);
    // The checks run against threads kept from a first look, as in a server that has been running.
    for (const kase of cases) await nothingEscalates(db, kase.id, new Date());

    for (const statement of statements) {
      const times: number[] = [];
      let plan: string[] = [];
      for (let k = 0; k < RUNS; k++) {
        const picked = batchOf(k);
        // Each check looks at the message its case received since the last one, as after a round of inserts.
        // (The reactions hold the text and reading of those messages from their claim, and tell the check so.)
        const fresh = picked.map((c) => ({ ...message(c), queueReactions: false }));
        if (statement === "check") await db.transaction().execute((trx) => addInboundMessages(trx, fresh));
        const known = new Map(
          fresh.map((m) => [
            m.id,
            { body: m.body, analysis: JSON.parse(m.analysisJson ?? "null") as unknown },
          ]),
        );
        const run = await explained(MARKERS[statement], () =>
          db.transaction().execute(async (trx) => {
            if (statement === "insert") await addInboundMessages(trx, picked.map(message));
            if (statement === "context")
              await readInboundContexts(
                trx,
                picked.map((c) => ({ kind: "email", value: c.value, caseId: c.id, externalMessageId: null })),
              );
            if (statement === "check")
              await readChecksAhead(
                trx,
                picked.map((c) => c.id),
                process.env.KEEL_CHECK_UNKNOWN ? new Map() : known,
              );
            if (statement === "claim") {
              await sql`INSERT INTO message_reactions_due (message_id)
                        SELECT id FROM messages WHERE case_id = ANY(${picked.map((c) => c.id)}::uuid[])
                        ORDER BY created_at DESC LIMIT ${BATCH}`.execute(trx);
              await claimDueReactions(trx, BATCH);
            }
            throw new Error("roll back");
          }),
        );
        times.push(run.ms);
        plan = run.plan;
        if (statement === "check") for (const kase of picked) await nothingEscalates(db, kase.id, new Date());
      }
      const cell = (p: number) => percentile(times, p).toFixed(2);
      console.log(
        `${statement.padEnd(8)} ${BATCH} per statement: min ${Math.min(...times).toFixed(2)} ms, ` +
          `p25 ${cell(25)} ms, median ${cell(50)} ms (${RUNS} runs)`,
      );
      if (showPlan) console.log(plan.map((line) => `  ${line}`).join("\n"));
    }
  } finally {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
