/**
 * @module Messages: inbound customer messages (analysed by the coach, de-duplicated by the channel's id, opening
 * a case when needed), outbound replies (coached), internal notes, the timeline and the anger trajectory.
 */
import { randomUUID } from "node:crypto";
import {
  addCustomerWithContactIn,
  addInboundMessages,
  addMessage,
  type Case,
  type ContactKind,
  type Customer,
  type Database,
  type EarlierInbound,
  getCase as findCase,
  getMessage,
  type InboundContext,
  listMessages,
  lockExternalMessageId,
  type Message,
  type MessageChannel,
  type NewInboundMessage,
  normaliseContactValue,
  readInboundContext,
  updateCase as writeCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import { reactToStoredMessage } from "../../reactions/index.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import { type Actor, audit, SYSTEM_ACTOR } from "../audit/service.js";
import { type CaseEvent, emitEvent } from "../cases/events.js";
import { applyCaseEdit, type CoreDeps, insertCaseWithSla, type NewCaseInput } from "../cases/service.js";
import { currentSlaTargets } from "../cases/sla-setting.js";
import { analyseInboundTwice, analyseOutbound, angerOf, angerTrend, type Trend } from "./analysis.js";

export interface InboundMessageInput {
  /** The case this message belongs to; without it a case is opened from `newCase`. */
  caseId?: string;
  newCase?: Omit<NewCaseInput, "customerId">;
  /** Who wrote: found by kind+value, or created (with `name`, defaulting to the value). */
  contact: { kind: ContactKind; value: string; name?: string };
  body: string;
  channel: MessageChannel;
  rawSource?: string | null;
  externalMessageId?: string | null;
  /** When the message was written, if not now (imports). */
  receivedAt?: Date;
}

export interface InboundMessageResult {
  case: Case;
  message: Message;
  customer: Customer;
  /** False when this external message id was already stored: nothing was added. */
  created: boolean;
  caseCreated: boolean;
}

/** Statuses a customer's message takes back to `open`. */
export const REOPENED_BY_CUSTOMER = new Set(["pending_customer", "resolved"]);

/** Work a caller adds to the message's transaction (e.g. storing the HTTP response for an Idempotency-Key). */
export type InTransaction<T> = (trx: Kysely<Database>, stored: T) => Promise<void>;

/**
 * Stores a customer's message in one transaction: a single read (sender, case, earlier messages), the case when
 * one is opened, the message with its audit entry, the webhook events, the reactions, and the reopening of a case
 * that waited on the customer — so an acknowledged message is complete, and a crash leaves none of it.
 */
export async function addInboundMessage(
  deps: CoreDeps,
  input: InboundMessageInput,
  options: { inTransaction?: InTransaction<InboundMessageResult> } = {},
): Promise<Result<InboundMessageResult>> {
  const sender = checkInboundMessage(input);
  if (!sender.ok) return sender;
  return transact(deps.db, (trx) => storeInboundMessage(trx, deps, input, sender.value, options));
}

/** Checks what can be checked before any statement: the sender's address (normalised) and where the message goes. */
export function checkInboundMessage(input: InboundMessageInput): Result<string> {
  const sender = normaliseContactValue(input.contact.kind, input.contact.value);
  if (!sender.ok) return fromDb(sender, "contact");
  if (input.caseId === undefined && input.newCase === undefined) {
    return failure("validation_failed", "either caseId or newCase is required", "caseId");
  }
  return success(sender.value);
}

/** The answer to a message for a case that does not exist. */
export function caseNotFound<T>(caseId: string): Result<T> {
  return failure("not_found", `case ${caseId} not found`, "caseId");
}

export interface StoreInboundOptions {
  inTransaction?: InTransaction<InboundMessageResult>;
  /**
   * Queue the message's reactions instead of running them here; they run right after the commit in their own
   * transaction (reactions/deferred.ts). The message, its case and the case's reopening still commit together.
   */
  deferReactions?: boolean;
}

/**
 * The statements of `addInboundMessage` inside a transaction the caller opened (its own, or a batch shared with
 * other messages: see inbound-batch.ts). `sender` is the contact value as `checkInboundMessage` normalised it;
 * `known`, the message's context as this transaction already read it (a message to a given case, in a batch's round).
 */
export async function storeInboundMessage(
  trx: Kysely<Database>,
  deps: CoreDeps,
  input: InboundMessageInput,
  sender: string,
  options: StoreInboundOptions = {},
  known?: InboundContext,
): Promise<Result<InboundMessageResult>> {
  const now = deps.clock.now();
  // Only a message that would open a case is de-duplicated across cases; on a known case the unique
  // (case, external id) pair does it.
  const dedupeId = input.caseId === undefined ? (input.externalMessageId ?? null) : null;
  if (dedupeId !== null) await lockExternalMessageId(trx, dedupeId);
  const context =
    known ??
    (await readInboundContext(trx, {
      kind: input.contact.kind,
      value: sender,
      caseId: input.caseId ?? null,
      externalMessageId: dedupeId,
    }));
  if (input.caseId !== undefined && context.case === null) return caseNotFound(input.caseId);
  let who = context.sender;
  if (who === null) {
    const added = fromDb(
      await addCustomerWithContactIn(trx, {
        kind: input.contact.kind,
        value: sender,
        name: input.contact.name?.trim() || input.contact.value.trim(),
      }),
      "contact",
    );
    if (!added.ok) return added;
    who = added.value;
  }
  const { customer, contact } = who;
  const actor: Actor = { kind: "contact", id: contact.id };

  if (context.seenMessageId !== null) {
    const seen = fromDb(await getMessage(trx, context.seenMessageId));
    if (!seen.ok) return seen;
    const kase = fromDb(await findCase(trx, seen.value.case_id));
    if (!kase.ok) return kase;
    return success({ case: kase.value, message: seen.value, customer, created: false, caseCreated: false });
  }

  let kase: Case;
  let caseCreated = false;
  if (context.case !== null) {
    kase = context.case;
  } else {
    const newCase = input.newCase as Omit<NewCaseInput, "customerId">;
    const created = await insertCaseWithSla(
      trx,
      deps.clock,
      { ...newCase, customerId: customer.id },
      actor,
      await currentSlaTargets(trx, deps.slaTargets),
    );
    if (!created.ok) return created;
    kase = created.value;
    caseCreated = true;
  }
  const authorBlocked = contact.blocked_at !== null;
  const deferred = options.deferReactions === true && !authorBlocked;
  // The audit entry and the queued reactions are written by the same statement as the message.
  const added = fromDb(
    await addInboundMessages(trx, [inboundRow(input, kase.id, contact.id, context.earlier, deferred, now)]),
  );
  if (!added.ok) return added;
  const { message, created } = added.value[0] as (typeof added.value)[number];
  // Webhook events commit with the message (no event for a message never stored), and are queued only when a
  // webhook subscribes to them: webhooks are their only reader, and a queued job is the costliest write here.
  const announce = async (event: CaseEvent, payload: unknown) => {
    if (context.subscribedEvents.includes(event)) await emitEvent(deps.jobs, event, payload, trx);
  };
  if (caseCreated) await announce("case.created", { case: kase });
  if (created) {
    await announce("message.created", { case_id: kase.id, message });
    if (!deferred)
      kase = await reactToStoredMessage({
        trx,
        deps,
        case: kase,
        message,
        actor,
        now,
        authorBlocked,
        hadInbound: context.earlier.length > 0,
      });
    // A blocked contact's message is kept but does not reopen the case (see features/wellbeing/README.md).
    if (!authorBlocked && REOPENED_BY_CUSTOMER.has(kase.status)) {
      const reopened = await applyCaseEdit(trx, deps, kase.id, { status: "open" }, actor, "reopen", now);
      if (!reopened.ok) return reopened;
      kase = reopened.value;
      await announce("case.updated", { case: kase, action: "reopen" });
    }
  }
  const stored = { case: kase, message, customer, created, caseCreated };
  await options.inTransaction?.(trx, stored);
  return success(stored);
}

/** A customer's message as stored: read by the coach against its case's earlier customer messages. */
export function inboundRow(
  input: InboundMessageInput,
  caseId: string,
  contactId: string,
  earlier: readonly EarlierInbound[],
  queueReactions: boolean,
  now: Date,
): NewInboundMessage {
  const reading = analyseInboundTwice(input.body, earlier, now);
  return {
    // Chosen here so the message's row can be found in a statement that inserts several.
    id: randomUUID(),
    caseId,
    channel: input.channel,
    body: input.body,
    authorContactId: contactId,
    rawSource: input.rawSource ?? null,
    externalMessageId: input.externalMessageId ?? null,
    analysisJson: reading.json,
    analysis: reading.value,
    createdAt: input.receivedAt ?? null,
    queueReactions,
    hadInbound: earlier.length > 0,
  };
}

export interface OutboundMessageInput {
  caseId: string;
  authorAgentId: string | null;
  body: string;
  channel: MessageChannel;
  rawSource?: string | null;
  externalMessageId?: string | null;
  sentAt?: Date;
}

/** A reply to the customer, coached against the thread; the first one marks the first response. */
export async function addOutboundMessage(
  deps: CoreDeps,
  input: OutboundMessageInput,
  actor: Actor = input.authorAgentId ? { kind: "agent", id: input.authorAgentId } : SYSTEM_ACTOR,
  options: { inTransaction?: InTransaction<AgentMessageResult> } = {},
): Promise<Result<AgentMessageResult>> {
  return addAgentMessage(deps, { ...input, direction: "outbound" }, actor, options);
}

/** An internal note: never shown to the customer, not coached. */
export async function addNote(
  deps: CoreDeps,
  input: {
    caseId: string;
    authorAgentId: string | null;
    body: string;
    writtenAt?: Date;
    /** An id from the system the note came from (imports), so importing it again adds nothing. */
    externalMessageId?: string | null;
  },
  actor: Actor = input.authorAgentId ? { kind: "agent", id: input.authorAgentId } : SYSTEM_ACTOR,
  options: { inTransaction?: InTransaction<AgentMessageResult> } = {},
): Promise<Result<AgentMessageResult>> {
  const { writtenAt, ...note } = input;
  return addAgentMessage(
    deps,
    { ...note, channel: "api", direction: "note", ...(writtenAt === undefined ? {} : { sentAt: writtenAt }) },
    actor,
    options,
  );
}

export interface AgentMessageResult {
  case: Case;
  message: Message;
  created: boolean;
}

async function addAgentMessage(
  deps: CoreDeps,
  input: OutboundMessageInput & { direction: "outbound" | "note" },
  actor: Actor,
  options: { inTransaction?: InTransaction<AgentMessageResult> },
): Promise<Result<AgentMessageResult>> {
  const now = input.sentAt ?? deps.clock.now();
  const outcome = await transact(deps.db, async (trx) => {
    const found = fromDb(await findCase(trx, input.caseId), "caseId");
    if (!found.ok) return found;
    let kase = found.value;
    const thread = await listMessages(trx, kase.id);
    const added = fromDb(
      await addMessage(trx, {
        caseId: kase.id,
        direction: input.direction,
        channel: input.channel,
        body: input.body,
        authorAgentId: input.authorAgentId,
        rawSource: input.rawSource ?? null,
        externalMessageId: input.externalMessageId ?? null,
        analysis: input.direction === "outbound" ? analyseOutbound(input.body, thread, now) : null,
        ...(input.sentAt === undefined ? {} : { createdAt: input.sentAt }),
      }),
      "authorAgentId",
    );
    if (!added.ok) return added;
    const { message, created } = added.value;
    if (created && input.direction === "outbound") {
      const firstReply = kase.first_responded_at === null;
      const opens = kase.status === "new";
      if (firstReply || opens) {
        const updated = fromDb(
          await writeCase(trx, kase.id, {
            ...(firstReply ? { firstRespondedAt: now } : {}),
            ...(opens ? { status: "open" as const } : {}),
          }),
        );
        if (!updated.ok) return updated;
        kase = updated.value;
      }
    }
    if (created) {
      await audit(trx, actor, { entity: "message", entityId: message.id, action: "create", after: message });
      await emitEvent(deps.jobs, "message.created", { case_id: kase.id, message }, trx);
      kase = await reactToStoredMessage({ trx, deps, case: kase, message, actor, now });
    }
    const stored = { case: kase, message, created };
    await options.inTransaction?.(trx, stored);
    return success(stored);
  });
  return outcome;
}

export async function listTimeline(
  deps: Pick<CoreDeps, "db">,
  caseId: string,
  options: { includeNotes?: boolean } = {},
): Promise<Result<{ case: Case; messages: Message[] }>> {
  const kase = fromDb(await findCase(deps.db, caseId));
  if (!kase.ok) return kase;
  const messages = await listMessages(deps.db, caseId);
  return success({
    case: kase.value,
    messages: options.includeNotes === false ? messages.filter((m) => m.direction !== "note") : messages,
  });
}

export interface AngerPoint {
  messageId: string;
  at: Date;
  anger: number;
  label: string;
}

/** The customer's anger over the case: one point per analysed inbound message, and the trend across them. */
export async function angerTrajectory(
  deps: Pick<CoreDeps, "db">,
  caseId: string,
): Promise<Result<{ caseId: string; points: AngerPoint[]; trend: Trend | null }>> {
  const kase = fromDb(await findCase(deps.db, caseId));
  if (!kase.ok) return kase;
  const points: AngerPoint[] = [];
  for (const message of await listMessages(deps.db, caseId)) {
    if (message.direction !== "inbound") continue;
    const anger = angerOf(message);
    if (anger) points.push({ messageId: message.id, at: message.created_at, ...anger });
  }
  return success({ caseId, points, trend: angerTrend(points.map((p) => p.anger)) });
}
