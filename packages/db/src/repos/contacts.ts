/** @module Contacts: a customer's email addresses, phone numbers and external ids — each unique per kind. */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Contact, ContactKind, Customer, Database, JsonValue } from "../schema.js";
import { rowFromJson } from "./json.js";

/**
 * The stored form of a contact value, so that the same address or number typed differently is one contact:
 * emails trimmed and lower-cased, phone numbers reduced to an optional leading + and digits.
 */
export function normaliseContactValue(kind: ContactKind, value: string): DbResult<string> {
  const trimmed = value.trim();
  switch (kind) {
    case "email": {
      const email = trimmed.toLowerCase();
      return /^[^\s@]+@[^\s@]+$/.test(email)
        ? ok(email)
        : fail("invalid", `"${value}" is not an email address`);
    }
    case "phone": {
      const digits = trimmed.replace(/[^\d]/g, "");
      return digits.length >= 3
        ? ok(`${trimmed.startsWith("+") ? "+" : ""}${digits}`)
        : fail("invalid", `"${value}" is not a phone number`);
    }
    case "external_id":
      return trimmed.length > 0 ? ok(trimmed) : fail("invalid", "an external id cannot be empty");
  }
}

export interface NewContact {
  customerId: string;
  kind: ContactKind;
  value: string;
}

/** Fails with `duplicate` when this kind+value already belongs to a customer (this one or another). */
export async function addContact(db: Kysely<Database>, input: NewContact): Promise<DbResult<Contact>> {
  const value = normaliseContactValue(input.kind, input.value);
  if (!value.ok) return value;
  return guarded(`${input.kind} contact ${value.value}`, async () =>
    ok(
      await db
        .insertInto("contacts")
        .values({ customer_id: input.customerId, kind: input.kind, value: value.value })
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  );
}

/** The contact with this kind+value (given in any spelling), if known. */
export async function findContact(
  db: Kysely<Database>,
  kind: ContactKind,
  value: string,
): Promise<Contact | undefined> {
  const normalised = normaliseContactValue(kind, value);
  if (!normalised.ok) return undefined;
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("kind", "=", kind)
    .where("value", "=", normalised.value)
    .executeTakeFirst();
}

export async function listContacts(db: Kysely<Database>, customerId: string): Promise<Contact[]> {
  return db
    .selectFrom("contacts")
    .selectAll()
    .where("customer_id", "=", customerId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function removeContact(db: Kysely<Database>, id: string): Promise<DbResult<{ id: string }>> {
  if (!isUuid(id)) return notFound("contact", id);
  return found(
    await db.deleteFrom("contacts").where("id", "=", id).returning("id").executeTakeFirst(),
    "contact",
    id,
  );
}

/**
 * Who wrote in: the customer owning this contact, or a new customer created with it. Safe when two messages
 * from a new sender arrive at once — the loser of the race reads the winner's contact.
 */
export async function resolveCustomerByContact(
  db: Kysely<Database>,
  input: { kind: ContactKind; value: string; name: string },
): Promise<DbResult<{ customer: Customer; contact: Contact; created: boolean }>> {
  const value = normaliseContactValue(input.kind, input.value);
  if (!value.ok) return value;
  const existing = await findWithCustomer(db, input.kind, value.value);
  if (existing) return ok({ ...existing, created: false });
  const created = await db
    .transaction()
    .execute(async (trx) => {
      const customer = await trx
        .insertInto("customers")
        .values({ name: input.name })
        .returningAll()
        .executeTakeFirstOrThrow();
      const contact = await trx
        .insertInto("contacts")
        .values({ customer_id: customer.id, kind: input.kind, value: value.value })
        .onConflict((oc) => oc.columns(["kind", "value"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      // Lost the race: roll back our customer and use the winner's.
      if (contact === undefined) throw new LostRace();
      return { customer, contact };
    })
    .catch((error: unknown) => {
      if (error instanceof LostRace) return undefined;
      throw error;
    });
  if (created) return ok({ ...created, created: true });
  const winner = await findWithCustomer(db, input.kind, value.value);
  return winner ? ok({ ...winner, created: false }) : fail("conflict", "contact vanished while resolving it");
}

class LostRace extends Error {}

/** The contact with its customer, read in one statement. */
async function findWithCustomer(
  db: Kysely<Database>,
  kind: ContactKind,
  value: string,
): Promise<{ customer: Customer; contact: Contact } | undefined> {
  const { rows } = await sql<{ contact: JsonValue; customer: JsonValue }>`
    SELECT to_jsonb(ct) AS contact, to_jsonb(cu) AS customer
      FROM contacts ct JOIN customers cu ON cu.id = ct.customer_id
     WHERE ct.kind = ${kind} AND ct.value = ${value}`.execute(db);
  const contact = rowFromJson<Contact>(rows[0]?.contact ?? null);
  const customer = rowFromJson<Customer>(rows[0]?.customer ?? null);
  return contact && customer ? { customer, contact } : undefined;
}

/**
 * Inside an open transaction: a new customer with this contact, in one statement. When another transaction has
 * just created the same contact, ours is dropped (the insert waits for theirs, then does nothing) and theirs is
 * returned, so the surrounding transaction never fails on the race.
 */
export async function addCustomerWithContactIn(
  trx: Kysely<Database>,
  input: { kind: ContactKind; value: string; name: string },
): Promise<DbResult<{ customer: Customer; contact: Contact; created: boolean }>> {
  const value = normaliseContactValue(input.kind, input.value);
  if (!value.ok) return value;
  const { rows } = await sql<{ customer: JsonValue; contact: JsonValue | null }>`
    WITH new_customer AS (INSERT INTO customers (name) VALUES (${input.name}) RETURNING *),
         new_contact AS (INSERT INTO contacts (customer_id, kind, value)
                         SELECT id, ${input.kind}, ${value.value} FROM new_customer
                         ON CONFLICT (kind, value) DO NOTHING RETURNING *)
    SELECT to_jsonb(new_customer) AS customer, (SELECT to_jsonb(new_contact) FROM new_contact) AS contact
      FROM new_customer`.execute(trx);
  const customer = rowFromJson<Customer>(rows[0]?.customer ?? null);
  const contact = rowFromJson<Contact>(rows[0]?.contact ?? null);
  if (customer && contact) return ok({ customer, contact, created: true });
  if (customer) await trx.deleteFrom("customers").where("id", "=", customer.id).execute();
  const winner = await findWithCustomer(trx, input.kind, value.value);
  return winner ? ok({ ...winner, created: false }) : fail("conflict", "contact vanished while resolving it");
}
