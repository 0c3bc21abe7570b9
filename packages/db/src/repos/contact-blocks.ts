/** @module Contact blocks: an admin stops a contact's messages from reopening cases or reaching agents' queues. */
import type { Kysely } from "kysely";
import { type DbResult, found, isUuid, notFound } from "../result.js";
import type { Contact, Database } from "../schema.js";

/** Blocks the contact (a second block replaces the reason and time). */
export async function blockContact(
  db: Kysely<Database>,
  id: string,
  input: { reason: string; by: string | null; at: Date },
): Promise<DbResult<Contact>> {
  if (!isUuid(id)) return notFound("contact", id);
  return found(
    await db
      .updateTable("contacts")
      .set({ blocked_at: input.at, blocked_reason: input.reason, blocked_by: input.by })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "contact",
    id,
  );
}

export async function unblockContact(db: Kysely<Database>, id: string): Promise<DbResult<Contact>> {
  if (!isUuid(id)) return notFound("contact", id);
  return found(
    await db
      .updateTable("contacts")
      .set({ blocked_at: null, blocked_reason: null, blocked_by: null })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "contact",
    id,
  );
}

export async function getContactById(db: Kysely<Database>, id: string): Promise<DbResult<Contact>> {
  if (!isUuid(id)) return notFound("contact", id);
  return found(
    await db.selectFrom("contacts").selectAll().where("id", "=", id).executeTakeFirst(),
    "contact",
    id,
  );
}

/** Blocked contacts, most recently blocked first. */
export async function listBlockedContacts(db: Kysely<Database>): Promise<Contact[]> {
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("blocked_at", "is not", null)
    .orderBy("blocked_at", "desc")
    .orderBy("id")
    .execute();
}
