import { listAttachments, listMessages } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { RecordingJobs } from "../../testing/test-app.js";
import type { CoreDeps } from "../cases/service.js";
import { receiveEmail } from "./receive-email.js";

const compose = (options: ConstructorParameters<typeof MailComposer>[0]): Promise<string> =>
  new Promise((resolve, reject) =>
    new MailComposer(options)
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(message.toString()))),
  );

describe.each(backends())("email attachments on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let deps: CoreDeps;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    deps = { db: t.db, clock: new ManualClock(), jobs: new RecordingJobs() };
  });
  afterAll(async () => t?.drop());

  it("keeps the files of an email with its message, once, and stores missing ones on a re-delivery", async () => {
    const receipt = Buffer.from("%PDF-1.4 receipt 4411", "utf8");
    const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const raw = await compose({
      from: "Lee Park <lee@example.com>",
      to: "support@keel.localhost",
      subject: "Damaged parcel",
      text: "The box arrived crushed, photo and receipt attached.",
      messageId: "<parcel-1@example.com>",
      attachments: [
        { filename: "receipt.pdf", content: receipt, contentType: "application/pdf" },
        { filename: "../../etc/photo.png", content: photo, contentType: "image/png" },
      ],
    });
    const first = await receiveEmail(deps, raw);
    if (!first.ok) throw new Error(first.error.message);
    const messageId = first.value.message.id;
    const files = await listAttachments(t.db, messageId);
    expect(files.map((f) => [f.filename, f.content_type, f.size_bytes])).toEqual([
      ["receipt.pdf", "application/pdf", receipt.length],
      ["photo.png", "image/png", photo.length],
    ]);

    const again = await receiveEmail(deps, raw);
    expect(again.ok && again.value.created).toBe(false);
    expect(await listAttachments(t.db, messageId)).toHaveLength(2);

    // Stopped after the message committed but before its files: the sender's retry completes them.
    await t.db
      .deleteFrom("attachments")
      .where("message_id", "=", messageId)
      .where("filename", "=", "photo.png")
      .execute();
    await receiveEmail(deps, raw);
    expect((await listAttachments(t.db, messageId)).map((f) => f.filename).sort()).toEqual([
      "photo.png",
      "receipt.pdf",
    ]);
  });

  it("leaves out files over the limit and tells the agent in a note", async () => {
    const raw = await compose({
      from: "kim@example.com",
      to: "support@keel.localhost",
      subject: "Video of the fault",
      text: "See the video.",
      messageId: "<video-1@example.com>",
      attachments: [
        { filename: "fault.mp4", content: Buffer.alloc(4096, 1), contentType: "video/mp4" },
        { filename: "note.txt", content: "small", contentType: "text/plain" },
      ],
    });
    const received = await receiveEmail(deps, raw, { maxAttachmentBytes: 1024 });
    if (!received.ok) throw new Error(received.error.message);
    expect((await listAttachments(t.db, received.value.message.id)).map((f) => f.filename)).toEqual([
      "note.txt",
    ]);
    const notes = (await listMessages(t.db, received.value.case.id)).filter((m) => m.direction === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain("fault.mp4 (0.0 MB)");
  });
});
