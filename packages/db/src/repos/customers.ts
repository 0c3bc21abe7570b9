/** @module Customers: the people and organisations who raise cases; reached through their contacts. */
import { type Kysely, sql } from "kysely";
import { type DbResult, fail, found, isUuid, notFound } from "../result.js";
import type { Customer, Database } from "../schema.js";

export async function createCustomer(db: Kysely<Database>, input: { name: string }): Promise<Customer> {
  return db.insertInto("customers").values({ name: input.name }).returningAll().executeTakeFirstOrThrow();
}

export async function getCustomer(db: Kysely<Database>, id: string): Promise<DbResult<Customer>> {
  if (!isUuid(id)) return notFound("customer", id);
  return found(
    await db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst(),
    "customer",
    id,
  );
}

export async function renameCustomer(
  db: Kysely<Database>,
  id: string,
  name: string,
): Promise<DbResult<Customer>> {
  if (!isUuid(id)) return notFound("customer", id);
  return found(
    await db
      .updateTable("customers")
      .set({ name, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "customer",
    id,
  );
}

/** The customer's IANA zone (null: the desk's); the caller checks the zone is a real one. */
export async function setCustomerTimezone(
  db: Kysely<Database>,
  id: string,
  timezone: string | null,
): Promise<DbResult<Customer>> {
  if (!isUuid(id)) return notFound("customer", id);
  return found(
    await db
      .updateTable("customers")
      .set({ timezone, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst(),
    "customer",
    id,
  );
}

export async function listCustomers(
  db: Kysely<Database>,
  page: { limit?: number; offset?: number } = {},
): Promise<Customer[]> {
  return db
    .selectFrom("customers")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0)
    .execute();
}

/** Refused while the customer still has cases: case history is never deleted implicitly. */
export async function deleteCustomer(db: Kysely<Database>, id: string): Promise<DbResult<{ id: string }>> {
  if (!isUuid(id)) return notFound("customer", id);
  try {
    const deleted = await db.deleteFrom("customers").where("id", "=", id).returning("id").executeTakeFirst();
    return found(deleted, "customer", id);
  } catch (error) {
    if ((error as { code?: unknown }).code === "23503") {
      return fail("conflict", `customer ${id} still has cases`);
    }
    throw error;
  }
}
