import { MAX_ATTACHMENT_BYTES } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";

describe.each(backends())("attachment and audit routes on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let supervisor: Record<string, string>;
  let messageId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    headers = (await agentWithToken(t, "agent")).headers;
    supervisor = (await agentWithToken(t, "supervisor")).headers;
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Receipt" },
      contact: { kind: "email", value: "files@example.com" },
      body: "See the attached receipt.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    messageId = inbound.value.message.id;
  });
  afterAll(async () => t.close());

  it("stores a file on a message and serves it back", async () => {
    const bytes = Buffer.from("receipt #123\n");
    const created = await t.app.inject({
      method: "POST",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
      payload: {
        filename: "receipt.txt",
        contentType: "text/plain",
        contentBase64: bytes.toString("base64"),
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ filename: "receipt.txt", sizeBytes: bytes.length });
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
    });
    expect(list.json().attachments).toHaveLength(1);
    const download = await t.app.inject({
      method: "GET",
      url: `/api/v1/attachments/${created.json().id}`,
      headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toContain("text/plain");
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it("refuses files over the limit, bad names and unknown messages", async () => {
    const tooBig = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1).toString("base64");
    const big = await t.app.inject({
      method: "POST",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
      payload: { filename: "big.bin", contentType: "application/octet-stream", contentBase64: tooBig },
    });
    expect(big.statusCode).toBe(413);
    const slash = await t.app.inject({
      method: "POST",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
      payload: { filename: "../etc/passwd", contentType: "text/plain", contentBase64: "aGk=" },
    });
    expect(slash.json().error.field).toBe("body.filename");
    const notBase64 = await t.app.inject({
      method: "POST",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
      payload: { filename: "a.txt", contentType: "text/plain", contentBase64: "@@@" },
    });
    expect(notBase64.json().error.field).toBe("body.contentBase64");
    const unknown = await t.app.inject({
      method: "GET",
      url: "/api/v1/messages/00000000-0000-4000-8000-000000000000/attachments",
      headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("shows the audit log to supervisors only", async () => {
    const forbidden = await t.app.inject({ method: "GET", url: "/api/v1/audit", headers });
    expect(forbidden.statusCode).toBe(403);
    const entries = await t.app.inject({ method: "GET", url: "/api/v1/audit?limit=5", headers: supervisor });
    expect(entries.statusCode).toBe(200);
    expect(entries.json().entries[0]).toMatchObject({ entity: "attachment", action: "create" });
    const badBefore = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?before=yesterday",
      headers: supervisor,
    });
    expect(badBefore.json().error.field).toBe("querystring.before");
    const next = await t.app.inject({
      method: "GET",
      url: `/api/v1/audit?limit=1&beforeId=${entries.json().entries[0].id}`,
      headers: supervisor,
    });
    expect(next.json().entries[0].id).toBe(entries.json().entries[1].id);
    const unknownCursor = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?beforeId=00000000-0000-4000-8000-000000000000",
      headers: supervisor,
    });
    expect(unknownCursor.statusCode).toBe(404);
    expect(unknownCursor.json().error.field).toBe("querystring.beforeId");
  });
});
