/** @module Contact repository on every backend: normalisation, uniqueness per kind+value, resolution on ingest. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import {
  addContact,
  findContact,
  listContacts,
  normaliseContactValue,
  removeContact,
  resolveCustomerByContact,
} from "./contacts.js";
import { createCustomer } from "./customers.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("normaliseContactValue", () => {
  it("lower-cases emails, strips phone punctuation and keeps external ids", () => {
    expect(normaliseContactValue("email", "  Jo@Example.COM ")).toEqual({
      ok: true,
      value: "jo@example.com",
    });
    expect(normaliseContactValue("phone", "+44 (20) 7946-0958")).toEqual({
      ok: true,
      value: "+442079460958",
    });
    expect(normaliseContactValue("external_id", " shop:42 ")).toEqual({ ok: true, value: "shop:42" });
  });
  it("rejects values that are not what their kind says", () => {
    expect(normaliseContactValue("email", "not an email").ok).toBe(false);
    expect(normaliseContactValue("phone", "call me").ok).toBe(false);
    expect(normaliseContactValue("external_id", "   ").ok).toBe(false);
  });
});

describe.each(backends())("contacts on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("adds, finds, lists and removes contacts", async () => {
    const customer = await createCustomer(t.db, { name: "Jo" });
    const email = await addContact(t.db, { customerId: customer.id, kind: "email", value: "Jo@Example.com" });
    const phone = await addContact(t.db, { customerId: customer.id, kind: "phone", value: "+1 555 0100" });
    if (!email.ok || !phone.ok) throw new Error("setup failed");
    expect(email.value.value).toBe("jo@example.com");
    expect((await findContact(t.db, "email", "JO@example.com"))?.id).toBe(email.value.id);
    expect(await findContact(t.db, "email", "other@example.com")).toBeUndefined();
    expect(await findContact(t.db, "email", "garbage")).toBeUndefined();
    expect((await listContacts(t.db, customer.id)).map((c) => c.kind).sort()).toEqual(["email", "phone"]);
    expect((await removeContact(t.db, phone.value.id)).ok).toBe(true);
    const again = await removeContact(t.db, phone.value.id);
    expect(again.ok ? null : again.error.code).toBe("not_found");
  });

  it("keeps each kind+value unique across customers, however it is spelled", async () => {
    const first = await createCustomer(t.db, { name: "First" });
    const second = await createCustomer(t.db, { name: "Second" });
    expect(
      (await addContact(t.db, { customerId: first.id, kind: "email", value: "same@example.com" })).ok,
    ).toBe(true);
    const duplicate = await addContact(t.db, {
      customerId: second.id,
      kind: "email",
      value: " SAME@example.com",
    });
    expect(duplicate.ok ? null : duplicate.error.code).toBe("duplicate");
    // The same text under another kind is a different contact.
    const asExternal = await addContact(t.db, {
      customerId: second.id,
      kind: "external_id",
      value: "same@example.com",
    });
    expect(asExternal.ok).toBe(true);
  });

  it("refuses invalid values and unknown customers", async () => {
    const invalid = await addContact(t.db, { customerId: MISSING, kind: "email", value: "nope" });
    expect(invalid.ok ? null : invalid.error.code).toBe("invalid");
    const orphan = await addContact(t.db, {
      customerId: MISSING,
      kind: "email",
      value: "orphan@example.com",
    });
    expect(orphan.ok ? null : orphan.error.code).toBe("not_found");
  });

  it("resolves a sender to its customer, creating one only the first time, even under concurrency", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        resolveCustomerByContact(t.db, { kind: "email", value: "new@example.com", name: "New Sender" }),
      ),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.customer.id : "failed")));
    expect(ids.size).toBe(1);
    expect(ids.has("failed")).toBe(false);
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    const later = await resolveCustomerByContact(t.db, {
      kind: "email",
      value: "NEW@example.com",
      name: "x",
    });
    expect(later.ok && later.value.created).toBe(false);
    const { count } = await t.db
      .selectFrom("customers")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("name", "=", "New Sender")
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
    const bad = await resolveCustomerByContact(t.db, { kind: "phone", value: "n/a", name: "x" });
    expect(bad.ok ? null : bad.error.code).toBe("invalid");
  });
});
