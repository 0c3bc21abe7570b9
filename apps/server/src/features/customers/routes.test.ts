import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";

describe.each(backends())("customer routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "agent")).headers;
    supervisor = (await agentWithToken(t, "supervisor")).headers;
  });
  afterAll(async () => t.close());

  it("creates, reads, renames, lists and deletes a customer with contacts", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: {
        name: "Grace Hopper",
        contacts: [
          { kind: "email", value: "Grace@Navy.mil" },
          { kind: "phone", value: "+1 (555) 010-2000" },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const customer = created.json();
    expect(customer.contacts.map((c: { value: string }) => c.value)).toEqual([
      "grace@navy.mil",
      "+15550102000",
    ]);
    const read = await t.app.inject({ method: "GET", url: `/api/v1/customers/${customer.id}`, headers });
    expect(read.json()).toMatchObject({ id: customer.id, name: "Grace Hopper" });
    expect(read.json().contacts).toHaveLength(2);
    expect(read.json().contacts).toEqual(expect.arrayContaining(customer.contacts));
    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/customers/${customer.id}`,
      headers,
      payload: { name: "Adm. Hopper" },
    });
    expect(renamed.json().name).toBe("Adm. Hopper");
    const added = await t.app.inject({
      method: "POST",
      url: `/api/v1/customers/${customer.id}/contacts`,
      headers,
      payload: { kind: "external_id", value: "crm-42" },
    });
    expect(added.statusCode).toBe(201);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/customers/${customer.id}/contacts/${added.json().id}`,
      headers,
    });
    expect(removed.statusCode).toBe(204);
    const contacts = await t.app.inject({
      method: "GET",
      url: `/api/v1/customers/${customer.id}/contacts`,
      headers,
    });
    expect(contacts.json().contacts).toHaveLength(2);
    const list = await t.app.inject({ method: "GET", url: "/api/v1/customers?limit=5", headers });
    expect(list.json().customers[0].id).toBe(customer.id);
    const agentDelete = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/customers/${customer.id}`,
      headers,
    });
    expect(agentDelete.statusCode).toBe(403);
    const deleted = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/customers/${customer.id}`,
      headers: supervisor,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.app.inject({ method: "GET", url: `/api/v1/customers/${customer.id}`, headers });
    expect(gone.statusCode).toBe(404);
  });

  it("refuses duplicates and bad input, and leaves nothing behind", async () => {
    const first = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "A", contacts: [{ kind: "email", value: "dup@example.com" }] },
    });
    expect(first.statusCode).toBe(201);
    const before = (await t.app.inject({ method: "GET", url: "/api/v1/customers?limit=200", headers })).json()
      .customers.length;
    const dup = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "B", contacts: [{ kind: "email", value: "DUP@example.com" }] },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe("body.contacts.0.value");
    const after = (await t.app.inject({ method: "GET", url: "/api/v1/customers?limit=200", headers })).json()
      .customers.length;
    expect(after).toBe(before);
    const badKind = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "C", contacts: [{ kind: "fax", value: "1" }] },
    });
    expect(badKind.json().error.field).toBe("body.contacts.0.kind");
    const blank = await t.app.inject({
      method: "POST",
      url: "/api/v1/customers",
      headers,
      payload: { name: "   " },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe("body.name");
    const badEmail = await t.app.inject({
      method: "POST",
      url: `/api/v1/customers/${first.json().id}/contacts`,
      headers,
      payload: { kind: "email", value: "not an email" },
    });
    expect(badEmail.statusCode).toBe(422);
    const badLimit = await t.app.inject({ method: "GET", url: "/api/v1/customers?limit=abc", headers });
    expect(badLimit.json().error.field).toBe("querystring.limit");
  });
});
