/** @module Attachment repository on every backend: bytes in the row or on disk, and the size limit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../testing.js";
import { addAttachment, deleteAttachment, getAttachment, listAttachments } from "./attachments.js";
import { createCase } from "./cases.js";
import { createCustomer } from "./customers.js";
import { addMessage } from "./messages.js";

const MISSING = "00000000-0000-4000-8000-000000000000";

describe.each(backends())("attachments on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let messageId: string;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const customer = await createCustomer(t.db, { name: "Ola" });
    const kase = await createCase(t.db, { subject: "Photo of damage", customerId: customer.id });
    if (!kase.ok) throw new Error(kase.error.message);
    const message = await addMessage(t.db, {
      caseId: kase.value.id,
      direction: "inbound",
      channel: "web",
      body: "See",
    });
    if (!message.ok) throw new Error(message.error.message);
    messageId = message.value.message.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("keeps small files' bytes exactly and larger ones as a disk path; lists without bytes", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const inRow = await addAttachment(t.db, {
      messageId,
      filename: "a.bin",
      contentType: "application/octet-stream",
      content: bytes,
    });
    const onDisk = await addAttachment(t.db, {
      messageId,
      filename: "video.mp4",
      contentType: "video/mp4",
      diskPath: "attachments/ab/cd.mp4",
      sizeBytes: 20_000_000,
    });
    if (!inRow.ok || !onDisk.ok) throw new Error("add failed");
    expect(inRow.value.size_bytes).toBe(7);
    const read = await getAttachment(t.db, inRow.value.id);
    expect(read.ok && Buffer.compare(read.value.content ?? Buffer.alloc(0), bytes)).toBe(0);
    const readDisk = await getAttachment(t.db, onDisk.value.id);
    expect(readDisk.ok && [readDisk.value.content, readDisk.value.disk_path]).toEqual([
      null,
      "attachments/ab/cd.mp4",
    ]);
    const listed = await listAttachments(t.db, messageId);
    expect(listed.map((a) => a.filename).sort()).toEqual(["a.bin", "video.mp4"]);
    expect(listed.every((a) => !("content" in a))).toBe(true);
    expect((await deleteAttachment(t.db, inRow.value.id)).ok).toBe(true);
    const gone = await getAttachment(t.db, inRow.value.id);
    expect(gone.ok ? null : gone.error.code).toBe("not_found");
  });

  it("refuses files over the limit, unknown messages and bad names", async () => {
    const tooBig = await addAttachment(t.db, {
      messageId,
      filename: "huge.iso",
      contentType: "application/x-iso9660-image",
      diskPath: "x",
      sizeBytes: MAX_ATTACHMENT_BYTES + 1,
    });
    expect(tooBig.ok ? null : tooBig.error.code).toBe("too_large");
    const noMessage = await addAttachment(t.db, {
      messageId: MISSING,
      filename: "a",
      contentType: "text/plain",
      content: Buffer.from("a"),
    });
    expect(noMessage.ok ? null : noMessage.error.code).toBe("not_found");
    const noName = await addAttachment(t.db, {
      messageId,
      filename: "",
      contentType: "text/plain",
      content: Buffer.from("a"),
    });
    expect(noName.ok ? null : noName.error.code).toBe("invalid");
    const negative = await addAttachment(t.db, {
      messageId,
      filename: "n",
      contentType: "text/plain",
      diskPath: "n",
      sizeBytes: -1,
    });
    expect(negative.ok ? null : negative.error.code).toBe("invalid");
    const missing = await deleteAttachment(t.db, MISSING);
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
  });
});
