/** @module Worker wiring: an outbound email reply's event reaches the mailer; other messages are not mailed. */
import type { AddressInfo } from "node:net";
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../clock.js";
import { readEmailSettings } from "../features/email/email-settings.js";
import { addInboundMessage, addOutboundMessage } from "../features/messages/service.js";
import { RecordingJobs } from "../testing/test-app.js";
import { registerWorkers } from "./index.js";

describe.each(backends())("registerWorkers on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let relay: SMTPServer;
  let port = 0;
  const mailed: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          mailed.push(session.envelope.rcptTo.map((r) => r.address).join(","));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    port = (relay.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
    await t?.drop();
  });

  it("mails outbound email replies only, through the email.send queue", async () => {
    const jobs = new RecordingJobs();
    const deps = { db: t.db, clock: new ManualClock(), jobs };
    const settings = readEmailSettings({ KEEL_SMTP_RELAY_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true` });
    await registerWorkers(deps, settings, () => undefined);
    const inbound = await addInboundMessage(deps, {
      newCase: { subject: "Wrong size" },
      contact: { kind: "email", value: "gil@example.com" },
      body: "The shoes are two sizes too small.",
      channel: "email",
      externalMessageId: "w-1@example.com",
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    const caseId = inbound.value.case.id;
    await addOutboundMessage(deps, {
      caseId,
      authorAgentId: null,
      body: "Sending the right size today.",
      channel: "email",
    });
    await addOutboundMessage(deps, {
      caseId,
      authorAgentId: null,
      body: "Logged by phone.",
      channel: "phone",
    });
    await jobs.runAll();
    expect(mailed).toEqual(["gil@example.com"]);
  });
});
