/**
 * @module Reads a case from the database as the thread the signals, rules and brief work on. It runs after every
 * inbound message, so the case, its customer, the counts and the latest CSAT come in one query and the promise
 * ledger only when a brief is made.
 */
import { type Case, type Database, listPromisesForCase } from "@keel/db";
import { type Kysely, sql } from "kysely";
import { failure, type Result, success } from "../../service-result.js";
import type { ThreadPromise } from "./promises.js";
import type { ThreadInput, ThreadMessageInput } from "./thread.js";

export interface LoadedThread {
  kase: Case;
  thread: ThreadInput;
  /** When each message was written, by id: to tell new evidence from evidence already escalated. */
  messageTimes: ReadonlyMap<string, Date>;
}

const DONE = new Set(["resolved", "closed"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a first-response or resolution target has passed at `now` with the clock running. */
export function isSlaBreached(kase: Case, now: Date): boolean {
  if (DONE.has(kase.status) || kase.sla_paused_at !== null) return false;
  const firstLate =
    kase.first_responded_at === null &&
    kase.first_response_due_at !== null &&
    kase.first_response_due_at < now;
  return firstLate || (kase.resolution_due_at !== null && kase.resolution_due_at < now);
}

export async function loadThread(
  db: Kysely<Database>,
  caseId: string,
  now: Date,
  overrides: { slaBreached?: boolean } = {},
): Promise<Result<LoadedThread>> {
  // A malformed id names no case (and must not reach PostgreSQL, where it would abort the caller's transaction).
  if (!UUID.test(caseId)) return failure("not_found", `case ${caseId} not found`);
  const found = await db
    .selectFrom("cases")
    .innerJoin("customers", "customers.id", "cases.customer_id")
    .selectAll("cases")
    .select([
      "customers.name as customer_name",
      "customers.vip as customer_vip",
      sql<string[]>`coalesce((SELECT array_agg(value ORDER BY created_at) FROM contacts
        WHERE contacts.customer_id = cases.customer_id), '{}')`.as("contact_values"),
      sql<string>`(SELECT count(*) FROM cases AS earlier WHERE earlier.customer_id = cases.customer_id
        AND earlier.id <> cases.id AND earlier.created_at < cases.created_at)`.as("previous_cases"),
      // The customer's latest answer to a follow-up after resolution.
      sql<number | null>`(SELECT csat FROM followups WHERE followups.case_id = cases.id AND csat IS NOT NULL
        ORDER BY answered_at DESC NULLS LAST LIMIT 1)`.as("latest_csat"),
    ])
    .where("cases.id", "=", caseId)
    .executeTakeFirst();
  if (!found) return failure("not_found", `case ${caseId} not found`);
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
    // Keel's automatic messages (acknowledgment of receipt, follow-up question) are not agent replies.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("acknowledgments")
            .select("acknowledgments.message_id")
            .whereRef("acknowledgments.message_id", "=", "messages.id")
            .unionAll(
              selectFrom("followups")
                .select("followups.message_id")
                .whereRef("followups.message_id", "=", "messages.id"),
            ),
        ),
      ),
    )
    .orderBy("messages.created_at")
    .orderBy("messages.id")
    .execute();
  return success(loadedThread(found, rows, now, overrides));
}

/** The case with its customer's name, VIP flag, contacts, earlier cases and latest CSAT, as `loadThread` reads it. */
export type CaseWithCustomer = Case & {
  customer_name: string;
  customer_vip: boolean;
  contact_values: string[];
  /** A count, as PostgreSQL returns it. */
  previous_cases: string | number;
  latest_csat: number | null;
};

/** A stored message as the thread needs it. */
export interface ThreadRow {
  id: string;
  direction: "inbound" | "outbound" | "note";
  body: string;
  analysis: unknown;
  created_at: Date;
  agent_name: string | null;
}

/** The thread from the case row and its messages (in stored order, automatic messages left out). */
export function loadedThread(
  found: CaseWithCustomer,
  rows: readonly ThreadRow[],
  now: Date,
  overrides: { slaBreached?: boolean } = {},
): LoadedThread {
  const { customer_name, customer_vip, contact_values, previous_cases, latest_csat, ...kase } = found;
  const messages: ThreadMessageInput[] = rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    authorName: m.direction === "inbound" ? customer_name : (m.agent_name ?? "Keel"),
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
      vip: customer_vip,
      ...(latest_csat === null ? {} : { csat: latest_csat }),
    },
    customer: { name: customer_name, contacts: contact_values, previousCases: Number(previous_cases) },
    messages,
  };
  return { kase, thread, messageTimes: new Map(rows.map((m) => [m.id, m.created_at])) };
}

/** The case's promise ledger for the brief; undefined when it has none (the brief then reads the replies). */
export async function loadLedger(db: Kysely<Database>, caseId: string): Promise<ThreadPromise[] | undefined> {
  const ledger = await listPromisesForCase(db, caseId);
  if (ledger.length === 0) return undefined;
  return ledger.map((p) => ({
    text: p.span_text,
    messageId: p.message_id,
    due: p.due_at === null ? null : p.due_at.toISOString(),
    status: p.status,
  }));
}
