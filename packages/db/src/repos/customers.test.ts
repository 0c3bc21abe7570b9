/** @module Customer repository on every backend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { createCase } from "./cases.js";
import { createCustomer, deleteCustomer, getCustomer, listCustomers, renameCustomer } from "./customers.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("customers on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates, reads, renames, lists and deletes a customer", async () => {
    const customer = await createCustomer(t.db, { name: "Dana Reyes" });
    expect(await getCustomer(t.db, customer.id)).toEqual({ ok: true, value: customer });
    const renamed = await renameCustomer(t.db, customer.id, "Dana Reyes-Okafor");
    expect(renamed.ok && renamed.value.name).toBe("Dana Reyes-Okafor");
    expect((await listCustomers(t.db)).map((c) => c.id)).toContain(customer.id);
    expect(await listCustomers(t.db, { limit: 1, offset: 5 })).toEqual([]);
    expect((await deleteCustomer(t.db, customer.id)).ok).toBe(true);
    expect((await getCustomer(t.db, customer.id)).ok).toBe(false);
  });

  it("refuses to delete a customer with cases, and reports unknown customers", async () => {
    const customer = await createCustomer(t.db, { name: "Lee" });
    await createCase(t.db, { subject: "Broken kettle", customerId: customer.id });
    const refused = await deleteCustomer(t.db, customer.id);
    expect(refused.ok ? null : refused.error.code).toBe("conflict");
    for (const result of [
      await getCustomer(t.db, MISSING),
      await renameCustomer(t.db, MISSING, "x"),
      await deleteCustomer(t.db, MISSING),
    ]) {
      expect(result.ok ? null : result.error.code).toBe("not_found");
    }
  });
});
