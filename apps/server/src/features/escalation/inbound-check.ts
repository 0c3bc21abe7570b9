/**
 * @module The look taken after every inbound message: would the rules in force escalate the case now? Most
 * messages fire nothing, so this answers from one statement — the case with its customer, whether it is already in
 * the queue, the rule set's tag, how many messages it has, and only the messages newer than the thread this process
 * kept of the case (per case, not its messages but what the signals read of them, folded: a check folds in only the
 * newer ones, so its cost does not grow with the thread). The whole thread is read again only when a message
 * appeared among the kept ones. When a rule would fire, the caller runs the full evaluation.
 * Queued reactions run in batches: the rows of a batch's cases are then read ahead together, in one statement.
 */
import type { EscalationRule } from "@keel/contracts";
import { type Database, PREPARED, parseTimestamptz } from "@keel/db";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { caseFactsOfScan } from "./facts.js";
import { type CaseWithCustomer, loadedThread, type ThreadRow } from "./load-thread.js";
import { prepareThread } from "./prepare.js";
import { RULE_SET_TAG, rulesTagged } from "./rule-store.js";
import { anyEscalatingRuleFires, signalOptionsFor } from "./rules.js";
import {
  copyScan,
  emptyScan,
  REPEAT_CASES,
  type SignalOptions,
  scanMessages,
  signalsOfScan,
  type ThreadScan,
} from "./signals.js";

/**
 * A case's thread as kept between two checks: only messages committed when read, so none can vanish. Not the
 * messages themselves but what the signals read of them, folded in the signals' order (`scanMessages`): a check
 * folds the newer messages into a copy, as if it scanned the whole thread, without walking the kept ones again.
 */
export interface KeptThread {
  /** The kept messages' scan, without evidence (the check needs no explanations). */
  scan: ThreadScan;
  /** How many messages they are, automatic ones (left out of the thread) included. */
  total: number;
  /** The newest time among them (ms): any message not kept is looked for after it. */
  newestAt: number;
}

const kept = new Map<string, KeptThread>();
/** Cases kept per process; the one checked longest ago goes first. */
const KEPT_CASES = 5_000;
const NOTHING_KEPT: KeptThread = { scan: emptyScan(false), total: 0, newestAt: -1 };
/** Message times arrive as text inside JSON: read as a timestamptz column is. */
const parseTimestamp = parseTimestamptz as (text: string) => Date;

export type LoadedRow = ThreadRow & {
  /** An automatic message (acknowledgment, follow-up question): counted, but left out of the thread. */
  aside: boolean;
  /** Written by the transaction running the check, which may yet roll back. */
  own: boolean;
};

export type CheckRow = CaseWithCustomer & {
  q_escalated: boolean;
  q_rules: string | null;
  q_messages: string | number;
  /** Newer messages; `body` and `analysis` null for those the caller said it knows. */
  q_newer: Array<Omit<LoadedRow, "created_at" | "body"> & { created_at: string; body: string | null }>;
};

/**
 * Whether the row was written by the transaction running the check; any other row it sees is committed. (xmin holds
 * the low 32 bits of the writer's id; Keel uses no savepoints, whose rows would carry another id.)
 */
const OWN = sql<boolean>`coalesce(m.xmin::text::bigint
  = pg_current_xact_id_if_assigned()::text::bigint % 4294967296, false)`;
const ASIDE = sql<boolean>`(EXISTS (SELECT 1 FROM acknowledgments k WHERE k.message_id = m.id)
  OR EXISTS (SELECT 1 FROM followups f WHERE f.message_id = m.id))`;

/**
 * The check's columns for the case `c` (joined with its customer `cu` and its message count, `COUNTED`): the
 * messages looked at are those written at or after `newerThan`; of the `known` ones (the caller holds their text and
 * reading), only what the caller does not have.
 */
function checkColumns(newerThan: RawBuilder<unknown>, known: readonly string[]): RawBuilder<unknown> {
  return sql`c.*, cu.name AS customer_name, cu.vip AS customer_vip,
      coalesce((SELECT array_agg(value ORDER BY created_at) FROM contacts
                 WHERE contacts.customer_id = c.customer_id), '{}') AS contact_values,
      -- Counted up to the number that makes a repeat contact: the check only tells whether a rule fires (the full
      -- evaluation counts them all), and a customer may have thousands.
      (SELECT count(*) FROM (SELECT FROM cases AS earlier WHERE earlier.customer_id = c.customer_id
          AND earlier.id <> c.id AND earlier.created_at < c.created_at LIMIT ${REPEAT_CASES}) AS e) AS previous_cases,
      (SELECT csat FROM followups WHERE followups.case_id = c.id AND csat IS NOT NULL
        ORDER BY answered_at DESC NULLS LAST LIMIT 1) AS latest_csat,
      EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id AND e.status <> 'resolved') AS q_escalated,
      ${RULE_SET_TAG} AS q_rules,
      coalesce(mc.messages, 0) AS q_messages,
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'direction', m.direction,
                'body', CASE WHEN m.id = ANY(${known}::uuid[]) THEN NULL ELSE m.body END,
                'analysis', CASE WHEN m.id = ANY(${known}::uuid[]) THEN NULL ELSE m.analysis END,
                'created_at', m.created_at::text, 'agent_name', a.name,
                'aside', ${ASIDE}, 'own', ${OWN}) ORDER BY m.created_at, m.id), '[]')
         FROM messages m LEFT JOIN agents a ON a.id = m.author_agent_id
        WHERE m.case_id = c.id AND m.created_at >= ${newerThan}) AS q_newer`;
}

/**
 * The case's message count (`mc`), joined rather than looked up per case: on a desk's small tables the planner would
 * scan the counts once per case.
 */
const COUNTED = sql`LEFT JOIN case_message_counts mc ON mc.case_id = c.id`;

/** Kept messages are all older than this (whatever the rounding of their microseconds to milliseconds). */
const newerThanKept = (before: KeptThread): Date => new Date(before.newestAt + 1);

async function readCheckRow(
  trx: Kysely<Database>,
  caseId: string,
  before: KeptThread,
): Promise<CheckRow | undefined> {
  const { rows } = await sql<CheckRow>`${PREPARED}
    SELECT ${checkColumns(sql`${newerThanKept(before)}::timestamptz`, [])}
    FROM cases c JOIN customers cu ON cu.id = c.customer_id ${COUNTED}
    WHERE c.id = ${caseId}::uuid`.execute(trx);
  return rows[0];
}

/** A case's check row read ahead, with the kept thread it was read against (`row` undefined: no such case). */
export interface CheckReadAhead {
  readonly before: KeptThread;
  readonly row: CheckRow | undefined;
  /** The text and reading of the messages the row's newer ones hold without them (the batch's own). */
  readonly known: ReadonlyMap<string, KnownMessage>;
}

/** A message's text and reading, as the caller read them already. */
export interface KnownMessage {
  readonly body: string;
  readonly analysis: unknown;
}

/**
 * Reads the check rows of several cases in one statement, each against the thread kept of it now. A row answers
 * for a case only while nothing the reading transaction did since touched that case: the caller's to ensure.
 */
export async function readChecksAhead(
  trx: Kysely<Database>,
  caseIds: readonly string[],
  known: ReadonlyMap<string, KnownMessage> = new Map(),
): Promise<Map<string, CheckReadAhead>> {
  const befores = new Map(caseIds.map((id) => [id, kept.get(id) ?? NOTHING_KEPT]));
  if (befores.size === 0) return new Map();
  // Prepared: planning this statement cost more than running it (~1.4 ms for a batch of 32 cases).
  const { rows } = await sql<CheckRow>`${PREPARED}
    SELECT ${checkColumns(sql.ref("q.newer_than"), [...known.keys()])}
    FROM unnest(${[...befores.keys()]}::uuid[], ${[...befores.values()].map(newerThanKept)}::timestamptz[])
      AS q(case_id, newer_than)
    JOIN cases c ON c.id = q.case_id JOIN customers cu ON cu.id = c.customer_id ${COUNTED}`.execute(trx);
  const byCase = new Map(rows.map((row) => [row.id, row]));
  return new Map([...befores].map(([id, before]) => [id, { before, row: byCase.get(id), known }]));
}

/**
 * True when the rules in force would leave the case as it is after an inbound message (it is gone, closed or
 * already in the queue, or no escalating rule fires on its thread); false when the full evaluation must decide.
 * `ahead`, the case's row read ahead with a batch's, answers instead of a query if nothing kept changed since.
 */
export async function nothingEscalates(
  trx: Kysely<Database>,
  caseId: string,
  now: Date,
  ahead?: CheckReadAhead,
): Promise<boolean> {
  const before = kept.get(caseId) ?? NOTHING_KEPT;
  // A check of the case since the row was read ahead kept another thread, which the row does not extend.
  const row = ahead?.before === before ? ahead.row : await readCheckRow(trx, caseId, before);
  if (!row || row.q_escalated || row.status === "closed") return true;
  const { q_escalated: _escalated, q_rules, q_messages, q_newer, ...found } = row;
  const ruleSet = await rulesTagged(trx, q_rules);

  const known = row === ahead?.row ? ahead.known : undefined;
  const newer: LoadedRow[] = q_newer.map((m) => {
    const held = m.body === null ? known?.get(m.id) : undefined;
    const text = held
      ? { body: held.body, analysis: held.analysis }
      : { body: m.body ?? "", analysis: m.analysis };
    return { ...m, ...text, created_at: parseTimestamp(m.created_at) };
  });
  // Every message is either kept or newer than the kept ones; else one appeared among them: read them all.
  const whole = Number(q_messages) !== before.total + newer.length;
  const base = whole ? NOTHING_KEPT : before;
  const added = whole ? await loadAllMessages(trx, caseId) : newer;
  const { quiet, keep } = judgeThread(found, ruleSet.rules, base, added, now);
  remember(caseId, keep);
  return quiet;
}

/**
 * The check once its rows are read: whether no escalating rule fires on the thread kept (`base`) followed by the
 * `added` messages (all newer), and the thread to keep next, without this transaction's own messages. One of those
 * committed later is then missing from the kept thread and not newer than it: the count tells, and the next check
 * reads the thread whole.
 */
export function judgeThread(
  found: CaseWithCustomer,
  rules: readonly EscalationRule[],
  base: KeptThread,
  added: readonly LoadedRow[],
  now: Date,
): { quiet: boolean; keep: KeptThread } {
  const { thread } = loadedThread(
    found,
    added.filter((m) => !m.aside),
    now,
  );
  // Prepared in stored order: being newer than the kept ones, they follow them in the signals' order too.
  const fresh = prepareThread(thread, base.scan.seen);
  const own = new Set(added.filter((m) => m.own).map((m) => m.id));
  const committed = own.size === 0 ? fresh : fresh.filter((m) => !own.has(m.message.id));
  const kept = scanMessages(copyScan(base.scan), committed);
  const scan = committed === fresh ? kept : scanMessages(copyScan(base.scan), fresh);
  const signals = signalsOfScan(scan, thread, signalOptionsOf(rules));
  const quiet = !anyEscalatingRuleFires(rules, caseFactsOfScan(scan, thread), signals);
  const stored = added.filter((m) => !m.own);
  return {
    quiet,
    keep: {
      scan: kept,
      total: base.total + stored.length,
      newestAt: stored.reduce((newest, m) => Math.max(newest, m.created_at.getTime()), base.newestAt),
    },
  };
}

async function loadAllMessages(trx: Kysely<Database>, caseId: string): Promise<LoadedRow[]> {
  const { rows } = await sql<LoadedRow>`
    SELECT m.id, m.direction, m.body, m.analysis, m.created_at, a.name AS agent_name, ${ASIDE} AS aside, ${OWN} AS own
    FROM messages m LEFT JOIN agents a ON a.id = m.author_agent_id
    WHERE m.case_id = ${caseId}::uuid
    ORDER BY m.created_at, m.id`.execute(trx);
  return rows;
}

function remember(caseId: string, entry: KeptThread): void {
  kept.delete(caseId);
  kept.set(caseId, entry);
  if (kept.size > KEPT_CASES) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
}

/** The signals' thresholds for a rule set, worked out once per rule set read. */
const optionsByRules = new WeakMap<readonly EscalationRule[], SignalOptions>();
function signalOptionsOf(rules: readonly EscalationRule[]): SignalOptions {
  let options = optionsByRules.get(rules);
  if (!options) {
    options = signalOptionsFor(rules);
    optionsByRules.set(rules, options);
  }
  return options;
}

/** Forgets every kept thread (tests). */
export function forgetKeptThreads(): void {
  kept.clear();
}
