/** @module Notifications: reminders and alerts for one agent or for a role, read per agent. */
import { type Kysely, sql } from "kysely";
import { isUuid } from "../result.js";
import type { AgentRole, Database, JsonValue, Notification } from "../schema.js";
import { jsonbOrNull } from "./json.js";

export type NotificationTarget = { agentId: string } | { role: "supervisor" | "admin" };

export interface NewNotification {
  to: NotificationTarget;
  kind: string;
  caseId?: string | null;
  title: string;
  body?: string;
  data?: JsonValue;
  dedupeKey?: string;
  createdAt?: Date;
}

/** Stores a notification; one whose dedupe key was stored before is skipped (returns undefined). */
export async function insertNotification(
  db: Kysely<Database>,
  input: NewNotification,
): Promise<Notification | undefined> {
  return db
    .insertInto("notifications")
    .values({
      agent_id: "agentId" in input.to ? input.to.agentId : null,
      role: "role" in input.to ? input.to.role : null,
      kind: input.kind,
      case_id: input.caseId ?? null,
      title: input.title,
      body: input.body ?? "",
      data: jsonbOrNull(input.data),
      dedupe_key: input.dedupeKey ?? null,
      ...(input.createdAt === undefined ? {} : { created_at: input.createdAt }),
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export interface AgentNotification extends Notification {
  /** When this agent read it (role notifications are read per agent). */
  read: boolean;
}

/** Roles that see a role notification: admins see supervisors' too. */
function rolesSeenBy(role: AgentRole): Array<"supervisor" | "admin"> {
  if (role === "admin") return ["supervisor", "admin"];
  if (role === "supervisor") return ["supervisor"];
  return [];
}

/** An agent's notifications (their own and their role's), newest first. */
export async function listNotificationsFor(
  db: Kysely<Database>,
  agent: { id: string; role: AgentRole },
  options: { unreadOnly?: boolean; limit?: number; kind?: string } = {},
): Promise<AgentNotification[]> {
  const roles = rolesSeenBy(agent.role);
  let query = db
    .selectFrom("notifications as n")
    .leftJoin("notification_reads as r", (join) =>
      join.onRef("r.notification_id", "=", "n.id").on("r.agent_id", "=", agent.id),
    )
    .selectAll("n")
    .select(sql<boolean>`(n.read_at IS NOT NULL OR r.read_at IS NOT NULL)`.as("read"))
    .where((eb) =>
      roles.length === 0
        ? eb("n.agent_id", "=", agent.id)
        : eb.or([eb("n.agent_id", "=", agent.id), eb("n.role", "in", roles)]),
    );
  if (options.kind !== undefined) query = query.where("n.kind", "=", options.kind);
  if (options.unreadOnly) query = query.where("n.read_at", "is", null).where("r.read_at", "is", null);
  return query
    .orderBy("n.created_at", "desc")
    .orderBy("n.id")
    .limit(options.limit ?? 100)
    .execute();
}

/** Marks one notification read for this agent; false when it isn't theirs to see. */
export async function markNotificationRead(
  db: Kysely<Database>,
  agent: { id: string; role: AgentRole },
  notificationId: string,
  at: Date,
): Promise<boolean> {
  if (!isUuid(notificationId)) return false;
  const roles = rolesSeenBy(agent.role);
  const visible = await db
    .selectFrom("notifications")
    .select("id")
    .where("id", "=", notificationId)
    .where((eb) =>
      roles.length === 0
        ? eb("agent_id", "=", agent.id)
        : eb.or([eb("agent_id", "=", agent.id), eb("role", "in", roles)]),
    )
    .executeTakeFirst();
  if (!visible) return false;
  await db
    .insertInto("notification_reads")
    .values({ notification_id: notificationId, agent_id: agent.id, read_at: at })
    .onConflict((oc) => oc.columns(["notification_id", "agent_id"]).doNothing())
    .execute();
  await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("id", "=", notificationId)
    .where("agent_id", "=", agent.id)
    .execute();
  return true;
}
