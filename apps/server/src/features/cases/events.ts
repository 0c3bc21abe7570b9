/** @module Webhook events: queued for the dispatcher after the change they describe has been committed. */
import type { Jobs } from "../../jobs/jobs.js";
import { toJson } from "../../service-result.js";

export type CaseEvent = "case.created" | "case.updated" | "message.created";

export async function emitEvent(jobs: Jobs, event: CaseEvent, payload: unknown): Promise<void> {
  await jobs.send("webhook.dispatch", { event, payload: toJson(payload) });
}
