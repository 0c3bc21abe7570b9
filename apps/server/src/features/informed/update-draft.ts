/**
 * @module The drafted progress update for a case waiting on us: where things stand in plain words, the next date we
 * promised (from the promise ledger), and when the customer will hear from us again — checked by the coach.
 */
import {
  type Case,
  type CasePriority,
  type Database,
  getAgent,
  getCustomer,
  listPromisesForCase,
  type PromiseRow,
} from "@keel/db";
import type { Kysely } from "kysely";
import { fromDb, type Result, success } from "../../service-result.js";
import { readSetting } from "../settings/service.js";
import { checkCustomerText, type TextCheck } from "./coach-check.js";
import { deskVoiceFor } from "./desk-voice.js";
import { type ProgressUpdatesValue, progressUpdatesSetting } from "./settings.js";
import { formatForCustomer, greetingName } from "./template.js";

const HOUR_MS = 3_600_000;

export interface UpdateDraft {
  caseId: string;
  text: string;
  /** The last message the customer got from us (or the case's opening when none). */
  lastUpdateAt: Date;
  /** When this update is due: the last update plus the priority's interval. */
  dueAt: Date;
  /** When the draft tells the customer they will hear from us next. */
  nextUpdateAt: Date;
  nextPromise: { text: string; dueAt: Date } | null;
  check: TextCheck;
}

/** Hours a case of this priority may go without an update. */
export const updateIntervalMs = (hours: ProgressUpdatesValue, priority: CasePriority): number =>
  hours[priority] * HOUR_MS;

/** The time of the last customer-facing message (our reply, acknowledgment or update) on the case. */
export async function lastCustomerUpdate(db: Kysely<Database>, kase: Case): Promise<Date> {
  const row = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .where("case_id", "=", kase.id)
    .where("direction", "=", "outbound")
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : kase.created_at;
}

/** The open promise due soonest (dated ones only): the next date the customer was given. */
export function nextOpenPromise(promises: readonly PromiseRow[], now: Date): PromiseRow | undefined {
  return promises
    .filter((p) => p.status === "open" && p.due_at !== null && p.due_at.getTime() >= now.getTime())
    .sort((a, b) => (a.due_at?.getTime() ?? 0) - (b.due_at?.getTime() ?? 0))[0];
}

const WHERE_THINGS_STAND: Partial<Record<Case["status"], string>> = {
  pending_internal:
    "Here is where things stand: we're waiting on another team to finish their part, and I'm following it up with them.",
};
const STILL_WORKING =
  "We're still working on it: we are looking into what went wrong and what will put it right.";

export async function draftProgressUpdate(
  db: Kysely<Database>,
  kase: Case,
  now: Date,
  hours?: ProgressUpdatesValue,
): Promise<Result<UpdateDraft>> {
  const intervals = hours ?? (await readSetting(db, progressUpdatesSetting));
  const customer = fromDb(await getCustomer(db, kase.customer_id));
  if (!customer.ok) return customer;
  const { zone, deskName } = await deskVoiceFor(db, customer.value);
  const agent = kase.assignee_id === null ? undefined : await getAgent(db, kase.assignee_id);
  const signature = agent?.ok
    ? (agent.value.name.split(/\s+/)[0] ?? agent.value.name)
    : `The ${deskName} team`;
  const lastUpdateAt = await lastCustomerUpdate(db, kase);
  const interval = updateIntervalMs(intervals, kase.priority);
  const nextUpdateAt = new Date(now.getTime() + interval);
  const promise = nextOpenPromise(await listPromisesForCase(db, kase.id), now);
  const promiseLine =
    promise?.due_at == null
      ? ""
      : ` The next thing we promised you is to ${promise.text} by ${formatForCustomer(promise.due_at, zone)}, and I'm keeping track of it.`;
  const text = [
    `Hello ${greetingName(customer.value.name)},`,
    `I'm writing with an update on your case #${kase.number} about "${kase.subject}". I'm sorry this is taking ` +
      "longer than you'd hoped, and I understand how frustrating the wait must be.",
    `${WHERE_THINGS_STAND[kase.status] ?? STILL_WORKING}${promiseLine}`,
    `I'll update you again by ${formatForCustomer(nextUpdateAt, zone)}, sooner if anything changes. ` +
      "If there's anything you'd like to add, just reply to this message.",
    signature,
  ].join("\n\n");
  return success({
    caseId: kase.id,
    text,
    lastUpdateAt,
    dueAt: new Date(lastUpdateAt.getTime() + interval),
    nextUpdateAt,
    nextPromise: promise?.due_at == null ? null : { text: promise.text, dueAt: promise.due_at },
    check: checkCustomerText(text),
  });
}
