/**
 * @module Webhook events: queued for the dispatcher with the change they describe — inside its transaction when one
 * is given (one commit for both, and no event for a change that rolled back), after it otherwise.
 */
import type { Database } from "@keel/db";
import { CompiledQuery, type Kysely } from "kysely";
import type { JobConnection, Jobs } from "../../jobs/jobs.js";
import { toJson } from "../../service-result.js";

export type CaseEvent = "case.created" | "case.updated" | "message.created";

/** The transaction as a connection the job queue can write through. */
export function jobConnectionOf(trx: Kysely<Database>): JobConnection {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

export async function emitEvent(
  jobs: Jobs,
  event: CaseEvent,
  payload: unknown,
  trx?: Kysely<Database>,
): Promise<void> {
  await jobs.send(
    "webhook.dispatch",
    { event, payload: toJson(payload) },
    trx === undefined ? undefined : { connection: jobConnectionOf(trx) },
  );
}
