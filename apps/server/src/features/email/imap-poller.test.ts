/** @module IMAP mapping against a fake mailbox (no IMAP server here): \Seen only after the message is stored. */
import { describe, expect, it } from "vitest";
import { failure, success } from "../../service-result.js";
import { readEmailSettings } from "./email-settings.js";
import { type Mailbox, pollOnce } from "./imap-poller.js";

function fakeMailbox(messages: Array<{ uid: number; text: string }>) {
  const seen: number[] = [];
  const mailbox: Mailbox = {
    async *unseen() {
      for (const m of messages) yield { uid: m.uid, source: Buffer.from(m.text) };
    },
    markSeen: async (uid) => {
      seen.push(uid);
    },
  };
  return { mailbox, seen };
}

describe("pollOnce", () => {
  it("marks stored messages seen and leaves failed ones unseen for the next poll", async () => {
    const { mailbox, seen } = fakeMailbox([
      { uid: 1, text: "ok one" },
      { uid: 2, text: "broken" },
      { uid: 3, text: "ok two" },
    ]);
    const delivered: string[] = [];
    const report = await pollOnce(mailbox, async (raw) => {
      delivered.push(raw);
      return raw === "broken" ? failure("conflict", "database busy") : success(null);
    });
    expect(delivered).toEqual(["ok one", "broken", "ok two"]);
    expect(seen).toEqual([1, 3]);
    expect(report).toEqual({ stored: 2, failed: [{ uid: 2, reason: "database busy" }] });
  });
});

describe("readEmailSettings", () => {
  it("enables IMAP only with host, user and password, with defaults for the rest", () => {
    expect(readEmailSettings({ KEEL_IMAP_HOST: "imap.example.com" }).imap).toBeUndefined();
    const settings = readEmailSettings({
      KEEL_IMAP_HOST: "imap.example.com",
      KEEL_IMAP_USER: "desk",
      KEEL_IMAP_PASSWORD: "pw",
      KEEL_MAIL_FROM: "help@shop.example",
      KEEL_SMTP_PORT: "2525",
    });
    expect(settings.imap).toEqual({
      host: "imap.example.com",
      port: 993,
      secure: true,
      user: "desk",
      password: "pw",
      mailbox: "INBOX",
      pollSeconds: 60,
    });
    expect(settings).toMatchObject({ smtpPort: 2525, messageIdDomain: "shop.example", relayUrl: undefined });
  });
});
