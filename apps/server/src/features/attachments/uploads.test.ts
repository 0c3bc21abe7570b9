/**
 * @module Multipart uploads: streamed to disk above the in-row size, the 25 MB limit enforced while streaming (413,
 * nothing left behind), names made safe, types from names, downloads of files on disk, and malformed forms.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_ATTACHMENT_BYTES } from "@keel/db";
import { backends } from "@keel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { agentWithToken } from "../../testing/agents.js";
import { createTestApp, type TestApp } from "../../testing/test-app.js";
import { addInboundMessage } from "../messages/service.js";
import { IN_ROW_MAX_BYTES } from "./file-store.js";

const BOUNDARY = "----keel-test-boundary";

function form(
  parts: Array<{ name: string; filename?: string; type?: string; content: Buffer | string }>,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const type = part.type === undefined ? "" : `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

describe.each(backends())("multipart attachment uploads on %s PostgreSQL", (backend) => {
  let t: TestApp;
  let app: App;
  let dataDir: string;
  let headers: Record<string, string>;
  let messageId: string;
  const filesDir = () => join(dataDir, "attachments");

  beforeAll(async () => {
    t = await createTestApp(backend);
    dataDir = await mkdtemp(join(tmpdir(), "keel-uploads-"));
    // The same database and clock, with a data directory of its own for the files.
    app = await buildApp({
      ...t.deps,
      config: readConfig({ KEEL_SECRET: "test-secret-test-secret-test-secret-0000", KEEL_DATA_DIR: dataDir }),
    });
    headers = (await agentWithToken(t, "agent")).headers;
    const inbound = await addInboundMessage(t.deps, {
      newCase: { subject: "Damaged parcel" },
      contact: { kind: "email", value: "photos@example.com" },
      body: "Photos of the box attached.",
      channel: "email",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    messageId = inbound.value.message.id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const upload = (
    payload: Buffer,
    id = messageId,
    contentType = `multipart/form-data; boundary=${BOUNDARY}`,
  ) =>
    app.inject({
      method: "POST",
      url: `/api/v1/messages/${id}/attachments`,
      headers: { ...headers, "content-type": contentType },
      payload,
    });
  const download = (id: string) => app.inject({ method: "GET", url: `/api/v1/attachments/${id}`, headers });
  const row = (id: string) =>
    t.deps.db
      .selectFrom("attachments")
      .select(["disk_path", "size_bytes"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("keeps a small file in the row", async () => {
    const res = await upload(
      form([{ name: "file", filename: "note.txt", type: "text/plain", content: "hello" }]),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ filename: "note.txt", contentType: "text/plain", sizeBytes: 5 });
    expect((await row(res.json().id)).disk_path).toBeNull();
    expect((await download(res.json().id)).body).toBe("hello");
  });

  it("streams a large file to disk, with a safe name and the type its name says, and serves it back", async () => {
    const bytes = Buffer.alloc(IN_ROW_MAX_BYTES * 4, 7);
    const res = await upload(
      form([
        { name: "note", content: "fields before the file are ignored" },
        {
          name: "file",
          filename: "C:\\fakepath\\scan\u202e.PDF",
          type: "application/x-anything",
          content: bytes,
        },
      ]),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      filename: "scan_.PDF",
      contentType: "application/pdf",
      sizeBytes: bytes.length,
    });
    const stored = await row(res.json().id);
    expect(stored.disk_path).toEqual(expect.any(String));
    expect(await filesUnder(filesDir())).toEqual([stored.disk_path]);
    const back = await download(res.json().id);
    expect(back.statusCode).toBe(200);
    expect(back.headers["content-type"]).toBe("application/pdf");
    expect(back.headers["content-length"]).toBe(String(bytes.length));
    expect(back.rawPayload.equals(bytes)).toBe(true);
  });

  it("accepts exactly 25 MB and refuses one byte more with 413, leaving no file behind", async () => {
    const before = await filesUnder(filesDir());
    const rowsBefore = (await t.deps.db.selectFrom("attachments").select("id").execute()).length;
    const exact = await upload(
      form([{ name: "file", filename: "max.bin", content: Buffer.alloc(MAX_ATTACHMENT_BYTES) }]),
    );
    expect(exact.statusCode).toBe(201);
    expect(exact.json().sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
    const afterExact = await filesUnder(filesDir());
    expect(afterExact).toHaveLength(before.length + 1);

    const over = await upload(
      form([{ name: "file", filename: "over.bin", content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1) }]),
    );
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({ code: "payload_too_large", field: "body.file" });
    expect(await filesUnder(filesDir())).toEqual(afterExact);
    expect(await t.deps.db.selectFrom("attachments").select("id").execute()).toHaveLength(rowsBefore + 1);
  });

  it("over real HTTP, answers a too-large upload at once and closes that connection", async () => {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const body = new FormData();
    body.append("file", new Blob([Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024)]), "huge.bin");
    const res = await fetch(`${address}/api/v1/messages/${messageId}/attachments`, {
      method: "POST",
      headers,
      body,
    });
    expect(res.status).toBe(413);
    // The rest of the upload is never read; a kept-alive connection would hold the server open at shutdown.
    expect(res.headers.get("connection")).toBe("close");
    expect(await filesUnder(join(filesDir(), "incoming"))).toEqual([]);
  });

  it("stores a large base64 JSON upload on disk too", async () => {
    const bytes = Buffer.alloc(IN_ROW_MAX_BYTES + 1, 1);
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/messages/${messageId}/attachments`,
      headers,
      payload: {
        filename: "big.bin",
        contentType: "application/octet-stream",
        contentBase64: bytes.toString("base64"),
      },
    });
    expect(res.statusCode).toBe(201);
    expect((await row(res.json().id)).disk_path).toEqual(expect.any(String));
    expect((await download(res.json().id)).rawPayload.equals(bytes)).toBe(true);
  });

  it("answers malformed and empty forms, unknown messages and lost files with a 4xx", async () => {
    const garbage = await upload(Buffer.from("this is not a multipart body at all"));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.message).toEqual(expect.any(String));
    const cutOff = await upload(form([{ name: "file", filename: "a.txt", content: "abc" }]).subarray(0, 80));
    expect(cutOff.statusCode).toBeGreaterThanOrEqual(400);
    expect(cutOff.statusCode).toBeLessThan(500);
    const noFile = await upload(form([{ name: "comment", content: "forgot the file" }]));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.field).toBe("body.file");
    const noBoundary = await upload(
      form([{ name: "file", filename: "a.txt", content: "abc" }]),
      messageId,
      "multipart/form-data",
    );
    expect(noBoundary.statusCode).toBe(400);
    const unknown = await upload(
      form([{ name: "file", filename: "a.txt", content: "abc" }]),
      "00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.statusCode).toBe(404);
    expect(await filesUnder(join(filesDir(), "incoming"))).toEqual([]);

    const kept = await upload(
      form([{ name: "file", filename: "gone.bin", content: Buffer.alloc(IN_ROW_MAX_BYTES + 10) }]),
    );
    const stored = await row(kept.json().id);
    await rm(join(filesDir(), stored.disk_path ?? "none"));
    const lost = await download(kept.json().id);
    expect(lost.statusCode).toBe(404);
    expect(lost.json().error.message).toContain("missing");
  });

  it("documents both request bodies in OpenAPI", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
    const content = doc.paths["/api/v1/messages/{id}/attachments"].post.requestBody.content;
    expect(content["application/json"].schema.required).toEqual(["filename", "contentType", "contentBase64"]);
    expect(content["multipart/form-data"].schema.properties.file).toMatchObject({
      type: "string",
      format: "binary",
    });
  });
});
