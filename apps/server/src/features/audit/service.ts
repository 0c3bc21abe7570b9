/** @module Who did it: the actor behind a change, and the audit entry every change writes. */
import { type ActorKind, type Database, type JsonValue, recordAudit } from "@keel/db";
import type { Kysely } from "kysely";
import { toJson } from "../../service-result.js";

export interface Actor {
  kind: ActorKind;
  /** The agent, contact or API token; null for the system. */
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: "system", id: null };

/** Records a change; before/after are snapshots of the entity (dates become ISO strings). */
export async function audit(
  db: Kysely<Database>,
  actor: Actor,
  entry: { entity: string; entityId: string; action: string; before?: unknown; after?: unknown },
): Promise<void> {
  const snapshot = (value: unknown): JsonValue | null => (value === undefined ? null : toJson(value));
  const result = await recordAudit(db, {
    actorKind: actor.kind,
    actorId: actor.id,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
  // An audit write only fails on a bug (the table takes any entity); losing the trail silently would be worse.
  if (!result.ok) throw new Error(`audit entry not written: ${result.error.message}`);
}
