/**
 * @module Optional IMAP polling (imapflow): unseen messages in the mailbox are stored like SMTP deliveries and
 * flagged \Seen only after they are committed, so a crash mid-poll re-reads them (de-duplicated by Message-ID).
 */
import { ImapFlow } from "imapflow";
import type { Result } from "../../service-result.js";
import type { ImapSettings } from "./email-settings.js";

/** What the poller needs from a mailbox; imapflow in production, a fake in tests. */
export interface Mailbox {
  unseen(): AsyncIterable<{ uid: number; source: Buffer }>;
  markSeen(uid: number): Promise<void>;
}

export interface PollReport {
  stored: number;
  failed: Array<{ uid: number; reason: string }>;
}

export async function pollOnce(
  mailbox: Mailbox,
  deliver: (raw: string) => Promise<Result<unknown>>,
): Promise<PollReport> {
  const report: PollReport = { stored: 0, failed: [] };
  for await (const message of mailbox.unseen()) {
    const stored = await deliver(message.source.toString("utf8"));
    if (stored.ok) {
      await mailbox.markSeen(message.uid);
      report.stored++;
    } else {
      report.failed.push({ uid: message.uid, reason: stored.error.message });
    }
  }
  return report;
}

/** Connects, reads the mailbox's unseen messages through `pollOnce`, and logs out. */
export async function pollImap(
  settings: ImapSettings,
  deliver: (raw: string) => Promise<Result<unknown>>,
): Promise<PollReport> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock(settings.mailbox);
  try {
    const found = await client.search({ seen: false }, { uid: true });
    const uids = Array.isArray(found) ? found : [];
    // Collect first: imapflow forbids other commands while a fetch is streaming.
    const messages =
      uids.length === 0 ? [] : await client.fetchAll(uids, { uid: true, source: true }, { uid: true });
    return await pollOnce(
      {
        async *unseen() {
          for (const m of messages) if (m.source) yield { uid: m.uid, source: m.source };
        },
        markSeen: async (uid) => {
          await client.messageFlagsAdd([uid], ["\\Seen"], { uid: true });
        },
      },
      deliver,
    );
  } finally {
    lock.release();
    await client.logout().catch(() => undefined);
  }
}

/** Polls every `pollSeconds` until stopped; one poll at a time. */
export function startImapPolling(
  settings: ImapSettings,
  deliver: (raw: string) => Promise<Result<unknown>>,
  log: (line: string) => void,
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await pollImap(settings, deliver);
      if (report.stored > 0 || report.failed.length > 0) {
        log(`imap: ${report.stored} stored, ${report.failed.length} failed`);
      }
    } catch (error) {
      log(`imap: poll failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, settings.pollSeconds * 1000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
