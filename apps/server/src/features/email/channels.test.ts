/** @module startChannels: the SMTP receiver on a free port, the workers in-process, and the first SLA check queued. */
import { backends, createTestDatabase, type TestDatabase } from "@keel/db/testing";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../clock.js";
import { readConfig } from "../../config.js";
import { RecordingJobs } from "../../testing/test-app.js";
import { SLA_CHECK_QUEUE } from "../sla/sla-job.js";
import { type Channels, startChannels } from "./index.js";

describe.each(backends())("startChannels on %s PostgreSQL", (backend) => {
  let t: TestDatabase;
  let channels: Channels | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await channels?.stop();
    await t?.drop();
  });

  it("receives mail on the configured port and queues the SLA check", async () => {
    const jobs = new RecordingJobs();
    const config = readConfig({ KEEL_SECRET: "channels-secret-channels-secret-0000000" });
    const lines: string[] = [];
    channels = await startChannels(
      { db: t.db, clock: new ManualClock(), config, jobs },
      (l) => lines.push(l),
      {
        KEEL_SMTP_PORT: "0",
      },
    );
    const port = channels.smtp?.port ?? 0;
    expect(port).toBeGreaterThan(0);
    expect(lines).toContain(`Receiving email on SMTP port ${port}`);
    expect(jobs.sent.some((j) => j.queue === SLA_CHECK_QUEUE)).toBe(true);
    await nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true }).sendMail({
      from: "hal@example.com",
      to: "s@k",
      subject: "Hi",
      text: "Test",
      messageId: "<c-1@example.com>",
    });
    const stored = await t.db.selectFrom("messages").select("external_message_id").execute();
    expect(stored).toEqual([{ external_message_id: "c-1@example.com" }]);
  });
});
