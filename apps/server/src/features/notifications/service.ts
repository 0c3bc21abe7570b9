/** @module Notifications: what features call to remind an agent or alert a role; stored once per dedupe key. */
import { type Database, insertNotification, type JsonValue, type NotificationTarget } from "@keel/db";
import type { Kysely } from "kysely";

export interface NotifyInput {
  to: NotificationTarget;
  kind: string;
  caseId?: string | null;
  title: string;
  body?: string;
  data?: JsonValue;
  /** A repeat with the same key is a no-op: a reminder fires once however often its check runs. */
  dedupeKey?: string;
}

/** Stores a notification (inside the caller's transaction when `db` is one); false when it was a repeat. */
export async function notify(db: Kysely<Database>, input: NotifyInput, now: Date): Promise<boolean> {
  const stored = await insertNotification(db, {
    to: input.to,
    kind: input.kind,
    caseId: input.caseId ?? null,
    title: input.title,
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.data === undefined ? {} : { data: input.data }),
    ...(input.dedupeKey === undefined ? {} : { dedupeKey: input.dedupeKey }),
    createdAt: now,
  });
  return stored !== undefined;
}
