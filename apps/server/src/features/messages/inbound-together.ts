/**
 * @module Writing a batch of customers' messages in a few statements (see inbound-batch.ts). The batch is cut into
 * rounds holding at most one message per case; a round reads every message's context in one statement and stores the
 * messages that need nothing else in one more. A message that needs more — a new case or customer, a blocked author,
 * a case to reopen, a webhook to tell — is stored by `storeInboundMessage` in the same transaction, in its round, so
 * each case still receives its messages in order.
 */
import {
  addInboundMessages,
  type Case,
  type Customer,
  type Database,
  type InboundContext,
  lockCaseMessageCounts,
  type NewInboundMessage,
  readInboundContexts,
} from "@keel/db";
import type { Kysely } from "kysely";
import { fromDb, type Result, success } from "../../service-result.js";
import type { CoreDeps } from "../cases/service.js";
import {
  caseNotFound,
  type InboundMessageInput,
  type InboundMessageResult,
  inboundRow,
  REOPENED_BY_CUSTOMER,
  type StoreInboundOptions,
  storeInboundMessage,
} from "./service.js";

export interface BatchItem {
  deps: CoreDeps;
  input: InboundMessageInput;
  /** The contact value as `checkInboundMessage` normalised it. */
  sender: string;
  options: StoreInboundOptions;
}

/** Thrown inside a batch's transaction to roll it back when one of its messages fails. */
export class BatchMemberFailed extends Error {}

/**
 * Stores the batch's messages; the answer of each, by item. Throws `BatchMemberFailed` (after which the caller rolls
 * back) when a message fails in a way that may have left some of its writes behind.
 */
export async function storeInboundTogether(
  trx: Kysely<Database>,
  items: readonly BatchItem[],
): Promise<Map<BatchItem, Result<InboundMessageResult>>> {
  const results = new Map<BatchItem, Result<InboundMessageResult>>();
  const { rounds, opening } = roundsOf(items);
  // Several statements will add to these cases' message counts: lock them first, in case order (see
  // `lockCaseMessageCounts`); one round of plain inserts is one statement, which locks them in order itself.
  const ahead = rounds.length > 1;
  if (ahead) await lockCaseMessageCounts(trx, caseIdsOf(rounds.flat()));
  for (const round of rounds) await storeRound(trx, round, results, ahead);
  for (const item of opening) results.set(item, await storeAlone(trx, item));
  return results;
}

/** Round n holds the n-th message of each case, in batch order; messages that open a case come after all rounds. */
function roundsOf(items: readonly BatchItem[]): { rounds: BatchItem[][]; opening: BatchItem[] } {
  const rounds: BatchItem[][] = [];
  const opening: BatchItem[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const caseId = item.input.caseId;
    if (caseId === undefined) {
      opening.push(item);
      continue;
    }
    const n = seen.get(caseId) ?? 0;
    seen.set(caseId, n + 1);
    const round = rounds[n];
    if (round === undefined) rounds.push([item]);
    else round.push(item);
  }
  return { rounds, opening };
}

/** Stores a message the usual way, in the batch's transaction; `known`, its context when the round read it. */
async function storeAlone(
  trx: Kysely<Database>,
  item: BatchItem,
  known?: InboundContext,
): Promise<Result<InboundMessageResult>> {
  const result = await storeInboundMessage(trx, item.deps, item.input, item.sender, item.options, known);
  if (!result.ok) throw new BatchMemberFailed();
  return result;
}

/** A message stored by the round's one insert: its sender and case are known, and it only needs inserting. */
interface Insert {
  item: BatchItem;
  case: Case;
  customer: Customer;
  row: NewInboundMessage;
}

/** The message's insert, when that is all it needs: a known sender, not blocked, a case it does not reopen, no webhook. */
function insertOf(item: BatchItem, context: InboundContext, kase: Case): Insert | null {
  const { sender } = context;
  if (sender === null || sender.contact.blocked_at !== null || item.options.deferReactions !== true)
    return null;
  if (REOPENED_BY_CUSTOMER.has(kase.status) || context.subscribedEvents.includes("message.created"))
    return null;
  const row = inboundRow(
    item.input,
    kase.id,
    sender.contact.id,
    context.earlier,
    true,
    item.deps.clock.now(),
  );
  return { item, case: kase, customer: sender.customer, row };
}

function caseIdsOf(items: readonly BatchItem[]): string[] {
  return [...new Set(items.map((item) => item.input.caseId ?? ""))].filter((id) => id !== "").sort();
}

async function storeRound(
  trx: Kysely<Database>,
  round: readonly BatchItem[],
  results: Map<BatchItem, Result<InboundMessageResult>>,
  locked: boolean,
): Promise<void> {
  const contexts = await readInboundContexts(
    trx,
    round.map((item) => ({
      kind: item.input.contact.kind,
      value: item.sender,
      caseId: item.input.caseId ?? null,
      externalMessageId: null,
    })),
  );
  const inserts: Insert[] = [];
  const alone: Array<{ item: BatchItem; context: InboundContext }> = [];
  for (const [n, item] of round.entries()) {
    const context = contexts[n] as InboundContext;
    if (context.case === null) {
      results.set(item, caseNotFound(item.input.caseId ?? ""));
      continue;
    }
    const insert = insertOf(item, context, context.case);
    if (insert !== null) inserts.push(insert);
    else alone.push({ item, context });
  }
  if (!locked && alone.length > 0 && inserts.length + alone.length > 1)
    await lockCaseMessageCounts(trx, caseIdsOf(round));
  if (inserts.length > 0) {
    const added = fromDb(
      await addInboundMessages(
        trx,
        inserts.map((i) => i.row),
      ),
    );
    if (!added.ok) throw new BatchMemberFailed();
    for (const [n, insert] of inserts.entries()) {
      const { message, created } = added.value[n] as (typeof added.value)[number];
      const stored = { case: insert.case, message, customer: insert.customer, created, caseCreated: false };
      await insert.item.options.inTransaction?.(trx, stored);
      results.set(insert.item, success(stored));
    }
  }
  for (const { item, context } of alone) results.set(item, await storeAlone(trx, item, context));
}
