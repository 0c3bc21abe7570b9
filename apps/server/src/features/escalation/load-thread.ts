/** @module Reads a case from the database as the thread the signals, rules and brief work on. */
import {
  type Case,
  type Customer,
  type Database,
  getCase,
  getCustomer,
  listContacts,
  listPromisesForCase,
} from "@keel/db";
import { type Kysely, sql } from "kysely";
import { fromDb, type Result, success } from "../../service-result.js";
import type { ThreadPromise } from "./promises.js";
import type { ThreadInput, ThreadMessageInput } from "./thread.js";

export interface LoadedThread {
  kase: Case;
  customer: Customer;
  thread: ThreadInput;
  /** The case's promise ledger; undefined when it has none (the brief then reads promises from the replies). */
  promises: ThreadPromise[] | undefined;
  /** When each message was written, by id: to tell new evidence from evidence already escalated. */
  messageTimes: ReadonlyMap<string, Date>;
}

const DONE = new Set(["resolved", "closed"]);

/** Whether a first-response or resolution target has passed at `now` with the clock running. */
export function isSlaBreached(kase: Case, now: Date): boolean {
  if (DONE.has(kase.status) || kase.sla_paused_at !== null) return false;
  const firstLate =
    kase.first_responded_at === null &&
    kase.first_response_due_at !== null &&
    kase.first_response_due_at < now;
  return firstLate || (kase.resolution_due_at !== null && kase.resolution_due_at < now);
}

/** The customer's latest CSAT, when the follow-up feature's table exists and they answered one. */
async function latestCsat(
  db: Kysely<Database>,
  caseId: string,
  hasFollowups: boolean,
): Promise<number | null> {
  if (!hasFollowups) return null;
  const row = await sql<{ csat: number | null }>`
    SELECT csat FROM followups WHERE case_id = ${caseId} AND csat IS NOT NULL
    ORDER BY answered_at DESC NULLS LAST LIMIT 1`
    .execute(db)
    .then((r) => r.rows[0]);
  return row?.csat ?? null;
}

export async function loadThread(
  db: Kysely<Database>,
  caseId: string,
  now: Date,
  overrides: { slaBreached?: boolean } = {},
): Promise<Result<LoadedThread>> {
  const found = fromDb(await getCase(db, caseId));
  if (!found.ok) return found;
  const kase = found.value;
  const customer = fromDb(await getCustomer(db, kase.customer_id));
  if (!customer.ok) return customer;
  const contacts = await listContacts(db, kase.customer_id);
  const rows = await db
    .selectFrom("messages")
    .leftJoin("agents", "agents.id", "messages.author_agent_id")
    .select([
      "messages.id",
      "messages.direction",
      "messages.body",
      "messages.analysis",
      "messages.created_at",
      "agents.name as agent_name",
    ])
    .where("messages.case_id", "=", caseId)
    .orderBy("messages.created_at")
    .orderBy("messages.id")
    .execute();
  const counts = await sql<{ previous: string; has_followups: boolean }>`
    SELECT (SELECT count(*) FROM cases WHERE customer_id = ${kase.customer_id} AND id <> ${kase.id}
              AND created_at < ${kase.created_at}) AS previous,
           to_regclass('followups') IS NOT NULL AS has_followups`
    .execute(db)
    .then((r) => r.rows[0]);
  const csat = await latestCsat(db, caseId, counts?.has_followups === true);
  const ledger = await listPromisesForCase(db, caseId);

  const messages: ThreadMessageInput[] = rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    authorName: m.direction === "inbound" ? customer.value.name : (m.agent_name ?? "Keel"),
    body: m.body,
    createdAt: m.created_at.toISOString(),
    analysis: m.analysis,
  }));
  const thread: ThreadInput = {
    case: {
      id: kase.id,
      number: kase.number,
      subject: kase.subject,
      priority: kase.priority,
      status: kase.status,
      createdAt: kase.created_at.toISOString(),
      slaBreached: overrides.slaBreached ?? isSlaBreached(kase, now),
      vip: customer.value.vip,
      ...(csat === null ? {} : { csat }),
    },
    customer: {
      name: customer.value.name,
      contacts: contacts.map((c) => c.value),
      previousCases: Number(counts?.previous ?? 0),
    },
    messages,
  };
  const promises =
    ledger.length === 0
      ? undefined
      : ledger.map((p) => ({
          text: p.span_text,
          messageId: p.message_id,
          due: p.due_at === null ? null : p.due_at.toISOString(),
          status: p.status,
        }));
  return success({
    kase,
    customer: customer.value,
    thread,
    promises,
    messageTimes: new Map(rows.map((m) => [m.id, m.created_at])),
  });
}
