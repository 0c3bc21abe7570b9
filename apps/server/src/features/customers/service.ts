/** @module Customers and their contacts, with an audit entry for every change. */
import type { ContactKind } from "@keel/db";
import {
  type Contact,
  type Customer,
  removeContact as deleteContact,
  getCustomer as findCustomer,
  addContact as insertContact,
  createCustomer as insertCustomer,
  listContacts,
  deleteCustomer as removeCustomer,
  renameCustomer as writeName,
  setCustomerTimezone as writeTimezone,
} from "@keel/db";
import type { AppDeps } from "../../deps.js";
import { failure, fromDb, type Result, success, transact } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";

type Deps = Pick<AppDeps, "db">;

export const toCustomerDto = (c: Customer) => ({
  id: c.id,
  name: c.name,
  timezone: c.timezone,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

export const toContactDto = (c: Contact) => ({
  id: c.id,
  customerId: c.customer_id,
  kind: c.kind,
  value: c.value,
  createdAt: c.created_at.toISOString(),
});

/** Creates the customer with its contacts in one transaction: a duplicate contact leaves nothing behind. */
export async function createCustomer(
  deps: Deps,
  input: { name: string; contacts?: Array<{ kind: ContactKind; value: string }> | undefined },
  actor: Actor,
): Promise<Result<{ customer: Customer; contacts: Contact[] }>> {
  return transact(deps.db, async (trx) => {
    const customer = await insertCustomer(trx, { name: input.name });
    const contacts: Contact[] = [];
    for (const [index, contact] of (input.contacts ?? []).entries()) {
      const added = fromDb(
        await insertContact(trx, { customerId: customer.id, ...contact }),
        `body.contacts.${index}.value`,
      );
      if (!added.ok) return added;
      contacts.push(added.value);
    }
    await audit(trx, actor, {
      entity: "customer",
      entityId: customer.id,
      action: "create",
      after: { customer, contacts },
    });
    return success({ customer, contacts });
  });
}

export async function getCustomerWithContacts(deps: Deps, id: string) {
  const customer = fromDb(await findCustomer(deps.db, id));
  if (!customer.ok) return customer;
  return success({ customer: customer.value, contacts: await listContacts(deps.db, id) });
}

/** A new name and/or timezone (null: the desk's), in one transaction with one audit entry. */
export async function updateCustomer(
  deps: Deps,
  id: string,
  changes: { name?: string | undefined; timezone?: string | null | undefined },
  actor: Actor,
): Promise<Result<Customer>> {
  return transact(deps.db, async (trx) => {
    const before = fromDb(await findCustomer(trx, id));
    if (!before.ok) return before;
    let after: Result<Customer> = before;
    if (changes.name !== undefined) after = fromDb(await writeName(trx, id, changes.name));
    if (after.ok && changes.timezone !== undefined)
      after = fromDb(await writeTimezone(trx, id, changes.timezone));
    if (!after.ok) return after;
    await audit(trx, actor, {
      entity: "customer",
      entityId: id,
      action: "update",
      before: before.value,
      after: after.value,
    });
    return after;
  });
}

export async function deleteCustomer(deps: Deps, id: string, actor: Actor): Promise<Result<{ id: string }>> {
  const before = fromDb(await findCustomer(deps.db, id));
  if (!before.ok) return before;
  const deleted = fromDb(await removeCustomer(deps.db, id));
  if (deleted.ok)
    await audit(deps.db, actor, { entity: "customer", entityId: id, action: "delete", before: before.value });
  return deleted;
}

export async function addContact(
  deps: Deps,
  customerId: string,
  input: { kind: ContactKind; value: string },
  actor: Actor,
): Promise<Result<Contact>> {
  const customer = fromDb(await findCustomer(deps.db, customerId));
  if (!customer.ok) return customer;
  const added = fromDb(await insertContact(deps.db, { customerId, ...input }), "value");
  if (added.ok)
    await audit(deps.db, actor, {
      entity: "contact",
      entityId: added.value.id,
      action: "create",
      after: added.value,
    });
  return added;
}

export async function removeContact(deps: Deps, customerId: string, contactId: string, actor: Actor) {
  const owned = (await listContacts(deps.db, customerId)).find((c) => c.id === contactId);
  if (!owned) return failure("not_found", `contact ${contactId} not found on customer ${customerId}`);
  const removed = fromDb(await deleteContact(deps.db, contactId));
  if (removed.ok)
    await audit(deps.db, actor, { entity: "contact", entityId: contactId, action: "delete", before: owned });
  return removed;
}
