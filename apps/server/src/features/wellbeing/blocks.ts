/**
 * @module Blocked contacts: an admin blocks a contact; their later messages are still stored and analysed (nothing
 * is lost, the audit trail stays whole) but reopen no case, are not routed, and weigh on no agent.
 */
import type { BlockedContact } from "@keel/contracts";
import {
  type Contact,
  type Database,
  getContactById,
  listBlockedContacts,
  blockContact as writeBlock,
  unblockContact as writeUnblock,
} from "@keel/db";
import type { Kysely } from "kysely";
import { fromDb, type Result } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";

export function toBlockedContactDto(c: Contact): BlockedContact {
  return {
    id: c.id,
    customerId: c.customer_id,
    kind: c.kind,
    value: c.value,
    blockedAt: c.blocked_at?.toISOString() ?? null,
    blockedReason: c.blocked_reason,
    blockedBy: c.blocked_by,
  };
}

export async function blockContact(
  db: Kysely<Database>,
  id: string,
  reason: string,
  actor: Actor,
  now: Date,
): Promise<Result<Contact>> {
  const before = fromDb(await getContactById(db, id));
  if (!before.ok) return before;
  const blocked = fromDb(await writeBlock(db, id, { reason, by: actor.id, at: now }));
  if (blocked.ok) {
    await audit(db, actor, {
      entity: "contact",
      entityId: id,
      action: "block",
      before: toBlockedContactDto(before.value),
      after: toBlockedContactDto(blocked.value),
    });
  }
  return blocked;
}

export async function unblockContact(
  db: Kysely<Database>,
  id: string,
  actor: Actor,
): Promise<Result<Contact>> {
  const before = fromDb(await getContactById(db, id));
  if (!before.ok) return before;
  const unblocked = fromDb(await writeUnblock(db, id));
  if (unblocked.ok) {
    await audit(db, actor, {
      entity: "contact",
      entityId: id,
      action: "unblock",
      before: toBlockedContactDto(before.value),
      after: toBlockedContactDto(unblocked.value),
    });
  }
  return unblocked;
}

export const blockedContacts = (db: Kysely<Database>) => listBlockedContacts(db);

/** Whether the contact who wrote a message is blocked now. */
export async function isBlockedAuthor(db: Kysely<Database>, contactId: string | null): Promise<boolean> {
  if (contactId === null) return false;
  const contact = await getContactById(db, contactId);
  return contact.ok && contact.value.blocked_at !== null;
}
