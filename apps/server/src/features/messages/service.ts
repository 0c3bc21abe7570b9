/**
 * @module Messages: inbound customer messages (analysed by the coach, de-duplicated by the channel's id, opening
 * a case when needed), outbound replies (coached), internal notes, the timeline and the anger trajectory.
 */
import {
  addMessage,
  type Case,
  type ContactKind,
  type Customer,
  type Database,
  getCase as findCase,
  findMessagesByExternalId,
  listMessages,
  listRecentInbound,
  type Message,
  type MessageChannel,
  resolveCustomerByContact,
  updateCase as writeCase,
} from "@keel/db";
import type { Kysely } from "kysely";
import { reactToStoredMessage } from "../../reactions/index.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import { type Actor, audit, SYSTEM_ACTOR } from "../audit/service.js";
import { emitEvent } from "../cases/events.js";
import { type CoreDeps, insertCaseWithSla, type NewCaseInput, updateCase } from "../cases/service.js";
import { analyseInbound, analyseOutbound, angerOf, angerTrend, type Trend } from "./analysis.js";

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

/**
 * Earlier inbound messages the coach reads a new one against: its anger trend looks at the last 3, and repeat
 * contact only asks whether there were none, one or more (non-blank) — so the whole thread need not be loaded.
 */
const INBOUND_CONTEXT = 3;

/** The earlier inbound bodies analysis needs, oldest first: the last few, or all when those are mostly blank. */
async function earlierInboundBodies(db: Kysely<Database>, caseId: string): Promise<string[]> {
  const recent = (await listRecentInbound(db, caseId, INBOUND_CONTEXT)).map((m) => m.body);
  const nonBlank = recent.filter((body) => body.trim() !== "").length;
  if (recent.length < INBOUND_CONTEXT || nonBlank >= 2) return recent;
  return (await listMessages(db, caseId)).filter((m) => m.direction === "inbound").map((m) => m.body);
}

/** Statuses a customer's message takes back to `open`. */
const REOPENED_BY_CUSTOMER = new Set(["pending_customer", "resolved"]);

export async function addInboundMessage(
  deps: CoreDeps,
  input: InboundMessageInput,
): Promise<Result<InboundMessageResult>> {
  const who = fromDb(
    await resolveCustomerByContact(deps.db, {
      kind: input.contact.kind,
      value: input.contact.value,
      name: input.contact.name?.trim() || input.contact.value.trim(),
    }),
    "contact",
  );
  if (!who.ok) return who;
  const { customer, contact } = who.value;
  const actor: Actor = { kind: "contact", id: contact.id };

  if (input.caseId === undefined && input.externalMessageId) {
    const [seen] = await findMessagesByExternalId(deps.db, input.externalMessageId);
    if (seen) {
      const kase = fromDb(await findCase(deps.db, seen.case_id));
      if (!kase.ok) return kase;
      return success({ case: kase.value, message: seen, customer, created: false, caseCreated: false });
    }
  }
  if (input.caseId === undefined && input.newCase === undefined) {
    return failure("validation_failed", "either caseId or newCase is required", "caseId");
  }

  const now = deps.clock.now();
  const outcome = await transact(deps.db, async (trx) => {
    let caseCreated = false;
    let kase: Case;
    if (input.caseId !== undefined) {
      const found = fromDb(await findCase(trx, input.caseId), "caseId");
      if (!found.ok) return found;
      kase = found.value;
    } else {
      const newCase = input.newCase as Omit<NewCaseInput, "customerId">;
      const created = await insertCaseWithSla(
        trx,
        deps.clock,
        { ...newCase, customerId: customer.id },
        actor,
        deps.slaTargets,
      );
      if (!created.ok) return created;
      kase = created.value;
      caseCreated = true;
    }
    const earlier = await earlierInboundBodies(trx, kase.id);
    const added = fromDb(
      await addMessage(trx, {
        caseId: kase.id,
        direction: "inbound",
        channel: input.channel,
        body: input.body,
        authorContactId: contact.id,
        rawSource: input.rawSource ?? null,
        externalMessageId: input.externalMessageId ?? null,
        analysis: analyseInbound(input.body, earlier, now),
        ...(input.receivedAt === undefined ? {} : { createdAt: input.receivedAt }),
      }),
    );
    if (!added.ok) return added;
    const { message, created } = added.value;
    // The audit entry and the webhook events commit with the message: one commit per message, and no event
    // for a message that was never stored.
    if (caseCreated) await emitEvent(deps.jobs, "case.created", { case: kase }, trx);
    if (created) {
      const after = summary(message);
      await audit(trx, actor, { entity: "message", entityId: message.id, action: "create", after });
      await emitEvent(deps.jobs, "message.created", { case_id: kase.id, message: after }, trx);
      await reactToStoredMessage({ trx, deps, case: kase, message, actor, now });
    }
    return success({ kase, message, created, caseCreated });
  });
  if (!outcome.ok) return outcome;
  let { kase } = outcome.value;
  const { message, created, caseCreated } = outcome.value;
  if (created) {
    if (REOPENED_BY_CUSTOMER.has(kase.status)) {
      const reopened = await updateCase(deps, kase.id, { status: "open" }, actor, "reopen");
      if (reopened.ok) kase = reopened.value;
    }
  }
  return success({ case: kase, message, customer, created, caseCreated });
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
): Promise<Result<{ case: Case; message: Message; created: boolean }>> {
  return addAgentMessage(deps, { ...input, direction: "outbound" }, actor);
}

/** An internal note: never shown to the customer, not coached. */
export async function addNote(
  deps: CoreDeps,
  input: { caseId: string; authorAgentId: string | null; body: string },
  actor: Actor = input.authorAgentId ? { kind: "agent", id: input.authorAgentId } : SYSTEM_ACTOR,
): Promise<Result<{ case: Case; message: Message; created: boolean }>> {
  return addAgentMessage(deps, { ...input, channel: "api", direction: "note" }, actor);
}

async function addAgentMessage(
  deps: CoreDeps,
  input: OutboundMessageInput & { direction: "outbound" | "note" },
  actor: Actor,
): Promise<Result<{ case: Case; message: Message; created: boolean }>> {
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
      const after = summary(message);
      await audit(trx, actor, { entity: "message", entityId: message.id, action: "create", after });
      await emitEvent(deps.jobs, "message.created", { case_id: kase.id, message: after }, trx);
      await reactToStoredMessage({ trx, deps, case: kase, message, actor, now });
    }
    return success({ case: kase, message, created });
  });
  return outcome;
}

/** A message without its raw source (which can be large) for audit entries and events. */
function summary(message: Message) {
  const { raw_source: _raw, ...rest } = message;
  return rest;
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
