/**
 * @module Webhook delivery through the job queue: an event fans out to one `webhook.deliver` job per subscribed
 * URL; each POSTs the signed payload and throws on anything but a 2xx, so pg-boss retries with exponential backoff.
 */
import { randomUUID } from "node:crypto";
import type { Database, JsonValue } from "@keel/db";
import type { Kysely } from "kysely";
import type { Jobs } from "../../jobs/jobs.js";
import { readSetting } from "../settings/service.js";
import { webhooksSetting } from "./settings.js";
import { SIGNATURE_HEADER, signPayload } from "./signature.js";
import { getWebhook, webhooksFor } from "./store.js";
import { checkWebhookTarget, type Lookup } from "./target.js";

/** The queue case and message services send events to (see features/cases/events.ts). */
export const WEBHOOK_DISPATCH_QUEUE = "webhook.dispatch";
export const WEBHOOK_DELIVER_QUEUE = "webhook.deliver";
/** 8 retries from 10 s doubling: the last one about 40 minutes after the event. */
export const DELIVERY_RETRIES = { retryLimit: 8, retryDelay: 10, retryBackoff: true } as const;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface DispatchJob {
  event: string;
  payload: JsonValue;
}

export interface DeliverJob {
  webhookId: string;
  deliveryId: string;
  event: string;
  payload: JsonValue;
  at: string;
}

export async function dispatchEvent(
  deps: { db: Kysely<Database>; jobs: Jobs; now: Date },
  job: DispatchJob,
): Promise<number> {
  const hooks = await webhooksFor(deps.db, job.event);
  for (const hook of hooks) {
    const delivery: DeliverJob = {
      webhookId: hook.id,
      deliveryId: randomUUID(),
      event: job.event,
      payload: job.payload,
      at: deps.now.toISOString(),
    };
    await deps.jobs.send(WEBHOOK_DELIVER_QUEUE, delivery, DELIVERY_RETRIES);
  }
  return hooks.length;
}

/**
 * One POST; throws when the receiver did not answer 2xx so the queue retries. A removed hook is dropped, and so is
 * a delivery whose URL now leads to a private address (its name may resolve differently than when it was added).
 * Redirects are not followed: a public receiver must not bounce the request into the desk's network.
 */
export async function deliverWebhook(
  deps: { db: Kysely<Database>; fetch?: typeof fetch; lookup?: Lookup },
  job: DeliverJob,
): Promise<"delivered" | "webhook_gone" | "refused"> {
  const hook = await getWebhook(deps.db, job.webhookId);
  if (!hook?.active) return "webhook_gone";
  const { allowPrivateAddresses } = await readSetting(deps.db, webhooksSetting);
  const target = await checkWebhookTarget(hook.url, allowPrivateAddresses, deps.lookup);
  if (!target.ok) return "refused";
  const body = JSON.stringify({ id: job.deliveryId, event: job.event, at: job.at, data: job.payload });
  const response = await (deps.fetch ?? fetch)(hook.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Keel-Webhooks/1",
      "x-keel-event": job.event,
      "x-keel-delivery": job.deliveryId,
      [SIGNATURE_HEADER]: signPayload(hook.secret, body),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook ${hook.url} answered ${response.status}`);
  return "delivered";
}
