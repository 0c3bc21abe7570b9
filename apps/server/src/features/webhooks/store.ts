/** @module The webhooks table: registration, listing, removal, and the active hooks wanting an event. */
import { randomBytes } from "node:crypto";
import type { Database } from "@keel/db";
import { type Generated, type Kysely, type Selectable, sql } from "kysely";

export interface WebhooksTable {
  id: Generated<string>;
  url: string;
  events: string[];
  secret: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export type Webhook = Selectable<WebhooksTable>;

/** The table lives beside @keel/db's schema rather than in it: only this feature reads it. */
const withWebhooks = (db: Kysely<Database>) => db.withTables<{ webhooks: WebhooksTable }>();

export const WEBHOOK_EVENTS = [
  "case.created",
  "case.updated",
  "case.sla_breached",
  "case.escalated",
  "message.created",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export async function createWebhook(
  db: Kysely<Database>,
  input: { url: string; events: WebhookEvent[]; secret?: string },
): Promise<Webhook> {
  return withWebhooks(db)
    .insertInto("webhooks")
    .values({
      url: input.url,
      events: [...new Set(input.events)].sort(),
      secret: input.secret ?? randomBytes(24).toString("hex"),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listWebhooks(db: Kysely<Database>): Promise<Webhook[]> {
  return withWebhooks(db).selectFrom("webhooks").selectAll().orderBy("created_at").execute();
}

export async function getWebhook(db: Kysely<Database>, id: string): Promise<Webhook | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return withWebhooks(db).selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteWebhook(db: Kysely<Database>, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const deleted = await withWebhooks(db).deleteFrom("webhooks").where("id", "=", id).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export async function webhooksFor(db: Kysely<Database>, event: string): Promise<Webhook[]> {
  return withWebhooks(db)
    .selectFrom("webhooks")
    .selectAll()
    .where("active", "=", true)
    .where(sql<boolean>`${event} = ANY(events)`)
    .execute();
}
