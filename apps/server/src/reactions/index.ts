/**
 * @module Reactions: what features do when a message is stored or a case changes, inside the same transaction,
 * so a reply and the promises extracted from it (or a status change and the follow-up it schedules) commit
 * together. Features add their reaction to the lists below; the services call `reactTo…` once.
 */
import type { Case, Database, Message } from "@keel/db";
import type { Kysely } from "kysely";
import type { Actor } from "../features/audit/service.js";
import type { CoreDeps } from "../features/cases/service.js";
import {
  type EscalationCheckAhead,
  escalateOnInbound,
  resolveEscalationWithCase,
} from "../features/escalation/reaction.js";
import { followUpOnResolution } from "../features/followups/service.js";
import { queueAcknowledgment } from "../features/informed/service.js";
import { recordPromisesOfReply } from "../features/promises/service.js";
import { reflectionOnCaseChange } from "../features/reflection/service.js";
import {
  isBlockedAuthor,
  onBlockedContactMessage,
  wellbeingOnCaseChange,
  wellbeingOnMessage,
} from "../features/wellbeing/service.js";

export interface MessageStored {
  /** The open transaction the message was written in. */
  trx: Kysely<Database>;
  deps: CoreDeps;
  /** The case as stored; a reaction that changes it (routing, escalation) puts the new row here. */
  case: Case;
  message: Message;
  actor: Actor;
  now: Date;
  /** Whether the message's author is a blocked contact, when the caller already read the contact. */
  authorBlocked?: boolean;
  /** True once the caller (or a reaction) saw the case already had a customer message before this one. */
  hadInbound?: boolean;
  /** The escalation check's row, when read ahead with the other messages of a batch of queued reactions. */
  escalationCheck?: EscalationCheckAhead;
}

export interface CaseChanged {
  trx: Kysely<Database>;
  deps: CoreDeps;
  before: Case;
  after: Case;
  actor: Actor;
  action: string;
  now: Date;
}

export type MessageReaction = (event: MessageStored) => Promise<void>;
export type CaseReaction = (event: CaseChanged) => Promise<void>;

/** Listed lazily: reaction modules import services that import this module. */
function messageReactions(): MessageReaction[] {
  return [recordPromisesOfReply, wellbeingOnMessage, escalateOnInbound, queueAcknowledgment];
}

function caseReactions(): CaseReaction[] {
  return [wellbeingOnCaseChange, reflectionOnCaseChange, followUpOnResolution, resolveEscalationWithCase];
}

/** Runs the reactions; returns the case as they left it. */
export async function reactToStoredMessage(event: MessageStored): Promise<Case> {
  // A blocked contact's message is kept for the record only: no acknowledgment, escalation or notification.
  const blocked = event.authorBlocked ?? (await isBlockedAuthor(event.trx, event.message.author_contact_id));
  if (blocked) {
    await onBlockedContactMessage(event);
    return event.case;
  }
  for (const reaction of messageReactions()) await reaction(event);
  return event.case;
}

export async function reactToCaseChange(event: CaseChanged): Promise<void> {
  for (const reaction of caseReactions()) await reaction(event);
}
