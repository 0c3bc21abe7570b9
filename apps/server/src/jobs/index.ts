/**
 * @module The background workers in one place: webhook events and deliveries, reply emails and the SLA check.
 * The server registers them in-process by default; `npm run worker` runs them in separate processes.
 */
import type { JsonValue } from "@keel/db";
import nodemailer from "nodemailer";
import type { AppDeps } from "../deps.js";
import type { EmailSettings } from "../features/email/email-settings.js";
import { EMAIL_SEND_QUEUE, sendReplyEmail } from "../features/email/send-reply.js";
import { registerFollowupWorkers } from "../features/followups/workers.js";
import { registerInformedWorkers } from "../features/informed/workers.js";
import { checkPromises, PROMISE_CHECK_QUEUE } from "../features/promises/promise-job.js";
import { checkSla, SLA_CHECK_QUEUE } from "../features/sla/sla-job.js";
import {
  type DeliverJob,
  type DispatchJob,
  deliverWebhook,
  dispatchEvent,
  WEBHOOK_DELIVER_QUEUE,
  WEBHOOK_DISPATCH_QUEUE,
} from "../features/webhooks/dispatch.js";
import { expireIdempotencyKeys, IDEMPOTENCY_EXPIRY_QUEUE } from "../http/idempotency-expiry.js";
import { pruneRateLimits, RATE_LIMIT_PRUNE_QUEUE } from "../http/rate-limit-prune.js";
import { DUE_REACTIONS_QUEUE, drainDueReactions } from "../reactions/deferred.js";

export { PgBossJobs } from "./pg-boss-jobs.js";

type WorkerDeps = Pick<AppDeps, "db" | "clock" | "jobs">;

/** An outbound email message in a `message.created` event: its id, for the mailer. */
function outboundEmailId(job: DispatchJob): string | undefined {
  if (job.event !== "message.created") return undefined;
  const message = (job.payload as { message?: { [key: string]: JsonValue } } | null)?.message;
  return message?.direction === "outbound" && message.channel === "email" && typeof message.id === "string"
    ? message.id
    : undefined;
}

export async function registerWorkers(
  deps: WorkerDeps,
  email: EmailSettings,
  log: (line: string) => void = (line) => console.error(line),
): Promise<void> {
  const { db, jobs, clock } = deps;
  await jobs.work<DispatchJob>(WEBHOOK_DISPATCH_QUEUE, async (job) => {
    await dispatchEvent({ db, jobs, now: clock.now() }, job);
    const replyId = outboundEmailId(job);
    if (replyId !== undefined && email.relayUrl !== undefined) {
      await jobs.send(
        EMAIL_SEND_QUEUE,
        { messageId: replyId },
        { retryLimit: 10, retryDelay: 30, retryBackoff: true },
      );
    }
  });
  await jobs.work<DeliverJob>(WEBHOOK_DELIVER_QUEUE, async (job) => {
    await deliverWebhook({ db }, job);
  });
  if (email.relayUrl !== undefined) {
    const transport = nodemailer.createTransport(email.relayUrl);
    await jobs.work<{ messageId: string }>(EMAIL_SEND_QUEUE, async (job) => {
      const sent = await sendReplyEmail(
        { db, transport, fromAddress: email.fromAddress, messageIdDomain: email.messageIdDomain },
        job.messageId,
      );
      // Relay errors throw (and are retried); a reply that can never be mailed is reported once.
      if (!sent.ok) log(`email: reply ${job.messageId} not sent: ${sent.error.message}`);
    });
  }
  await jobs.work(PROMISE_CHECK_QUEUE, async () => {
    const report = await checkPromises({ db }, clock.now());
    if (report.reminded.length + report.overdue.length > 0) {
      log(`promises: ${report.reminded.length} reminded, ${report.overdue.length} overdue`);
    }
  });
  await registerInformedWorkers(deps, log);
  await registerFollowupWorkers(deps, log);
  await jobs.work(SLA_CHECK_QUEUE, async () => {
    const report = await checkSla({ db, jobs, clock });
    if (report.bumped.length + report.escalated.length > 0) {
      log(`sla: ${report.bumped.length} raised, ${report.escalated.length} escalated`);
    }
  });
  await jobs.work(IDEMPOTENCY_EXPIRY_QUEUE, async () => {
    await expireIdempotencyKeys(db, clock.now());
  });
  await jobs.work(RATE_LIMIT_PRUNE_QUEUE, async () => {
    await pruneRateLimits(db, clock.now());
  });
  await jobs.work(DUE_REACTIONS_QUEUE, async () => {
    const ran = await drainDueReactions(deps, log);
    if (ran > 0) log(`reactions: ran those of ${ran} message(s) left waiting`);
  });
}
