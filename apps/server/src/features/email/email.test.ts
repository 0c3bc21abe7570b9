/** @module Email round trips on localhost: nodemailer → our SMTP receiver → case; our sender → a capturing server. */
import type { AddressInfo } from "node:net";
import { getMessageRawSource, listMessages } from "@keel/db";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { simpleParser } from "mailparser";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { RecordingJobs } from "../../testing/test-app.js";
import type { CoreDeps } from "../cases/service.js";
import { addOutboundMessage } from "../messages/service.js";
import { receiveEmail } from "./receive-email.js";
import { sendReplyEmail } from "./send-reply.js";
import { type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

describe.each(backends())("email channel on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let deps: CoreDeps;
  let receiver: SmtpReceiver;
  let failNext = false;
  let send: (mail: SendMailOptions) => Promise<unknown>;
  const captured: string[] = [];
  let capture: SMTPServer;
  let capturePort = 0;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    deps = { db: t.db, clock: new ManualClock(), jobs: new RecordingJobs() };
    receiver = await startSmtpReceiver({
      port: 0,
      deliver: async (raw) => {
        if (failNext) {
          failNext = false;
          throw new Error("database unavailable");
        }
        return receiveEmail(deps, raw);
      },
    });
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    });
    send = (mail) => transport.sendMail(mail);
    capture = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          captured.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => capture.listen(0, "127.0.0.1", resolve));
    capturePort = (capture.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await receiver?.close();
    await new Promise<void>((resolve) => (capture ? capture.close(() => resolve()) : resolve()));
    await t?.drop();
  });

  const casesOf = () => t.db.selectFrom("cases").selectAll().orderBy("number").execute();

  it("opens a case from a new email, keeping the raw source, and ignores a re-delivery", async () => {
    const mail = {
      from: "Dana Reyes <dana@example.com>",
      to: "support@keel.localhost",
      subject: "Heater broken again",
      text: "Third time this month the heater stopped. I want it fixed today.",
      messageId: "<first-1@example.com>",
    };
    await send(mail);
    await send(mail);
    const cases = await casesOf();
    expect(cases).toHaveLength(1);
    expect(cases[0]?.subject).toBe("Heater broken again");
    const messages = await listMessages(t.db, cases[0]?.id ?? "");
    expect(messages).toHaveLength(1);
    expect(messages[0]?.external_message_id).toBe("first-1@example.com");
    expect(await getMessageRawSource(t.db, messages[0]?.id ?? "")).toContain(
      "Message-ID: <first-1@example.com>",
    );
    expect(messages[0]?.body).toContain("heater stopped");
  });

  it("threads a reply by In-Reply-To and by the subject token from the same customer only", async () => {
    await send({
      from: "dana@example.com",
      to: "support@keel.localhost",
      subject: "Re: Heater broken again",
      text: "Any news?",
      messageId: "<second-2@example.com>",
      inReplyTo: "<first-1@example.com>",
      references: ["<first-1@example.com>"],
    });
    const [kase] = await casesOf();
    const token = `Still waiting [#${kase?.number}]`;
    await send({
      from: "dana@example.com",
      to: "s@k",
      subject: token,
      text: "Hello?",
      messageId: "<third-3@example.com>",
    });
    await send({
      from: "mallory@example.net",
      to: "s@k",
      subject: token,
      text: "Hijack",
      messageId: "<m-1@example.net>",
    });
    const cases = await casesOf();
    expect(cases).toHaveLength(2);
    expect((await listMessages(t.db, kase?.id ?? "")).map((m) => m.external_message_id)).toEqual([
      "first-1@example.com",
      "second-2@example.com",
      "third-3@example.com",
    ]);
  });

  it("answers 4xx when storing fails, so the sender retries and nothing is lost", async () => {
    failNext = true;
    const mail = {
      from: "lee@example.org",
      to: "s@k",
      subject: "Refund",
      text: "Where is it?",
      messageId: "<r-1@example.org>",
    };
    await expect(send(mail)).rejects.toMatchObject({ responseCode: 451 });
    await send(mail);
    const stored = await t.db
      .selectFrom("messages")
      .select("id")
      .where("external_message_id", "=", "r-1@example.org")
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("mails a reply with threading headers, and the customer's answer to it lands on the same case", async () => {
    const [kase] = await casesOf();
    if (!kase) throw new Error("no case");
    const reply = await addOutboundMessage(deps, {
      caseId: kase.id,
      authorAgentId: null,
      body: "We are sending a technician today.",
      channel: "email",
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: capturePort,
      secure: false,
      ignoreTLS: true,
    });
    const sent = await sendReplyEmail(
      { db: t.db, transport, fromAddress: "support@keel.localhost", messageIdDomain: "keel.localhost" },
      reply.value.message.id,
    );
    expect(sent.ok && sent.value.to).toBe("dana@example.com");
    const mail = await simpleParser(captured.at(-1) ?? "");
    expect(mail.subject).toBe(`Re: Heater broken again [#${kase.number}]`);
    expect(mail.messageId).toBe(`<keel.${reply.value.message.id}@keel.localhost>`);
    expect(mail.inReplyTo).toBe("<third-3@example.com>");
    expect(mail.references).toEqual([
      "<first-1@example.com>",
      "<second-2@example.com>",
      "<third-3@example.com>",
    ]);

    await send({
      from: "dana@example.com",
      to: "s@k",
      subject: "Re: thanks",
      text: "Thanks!",
      messageId: "<fourth-4@example.com>",
      inReplyTo: mail.messageId ?? "",
    });
    const latest = await t.db
      .selectFrom("messages")
      .select("case_id")
      .where("external_message_id", "=", "fourth-4@example.com")
      .executeTakeFirst();
    expect(latest?.case_id).toBe(kase.id);
  });
});
