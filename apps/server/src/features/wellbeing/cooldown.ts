/**
 * @module Cooldowns: a short break from hostile cases, taken by the agent or offered to them after a hostile
 * case or when their load passes the threshold (started right away when the `wellbeing` setting says so).
 */
import { type AgentCooldown, activeCooldowns, type Database, endCooldowns, insertCooldown } from "@keel/db";
import type { Kysely } from "kysely";
import { notify } from "../notifications/service.js";
import type { WellbeingConfig } from "./load.js";

const MINUTE = 60_000;

export async function runningCooldown(
  db: Kysely<Database>,
  agentId: string,
  now: Date,
): Promise<AgentCooldown | undefined> {
  return (await activeCooldowns(db, now, [agentId])).get(agentId);
}

/** Starts a cooldown of `minutes` from now; one already running is replaced (ended now). */
export async function startCooldown(
  db: Kysely<Database>,
  agentId: string,
  input: { minutes: number; reason: string },
  now: Date,
): Promise<AgentCooldown> {
  await endCooldowns(db, agentId, now);
  return insertCooldown(db, {
    agentId,
    startsAt: now,
    endsAt: new Date(now.getTime() + input.minutes * MINUTE),
    reason: input.reason,
  });
}

/** Ends the running cooldown early; false when none was running. */
export async function endCooldown(db: Kysely<Database>, agentId: string, now: Date): Promise<boolean> {
  return (await endCooldowns(db, agentId, now)) > 0;
}

/**
 * Offers a cooldown (notification `cooldown_offered`), or starts one (`cooldown_started`) when auto-cooldown is
 * on. Nothing happens while one is running; `dedupeKey` keeps one offer per occasion.
 */
export async function offerCooldown(
  db: Kysely<Database>,
  agentId: string,
  input: { reason: string; caseId: string | null; dedupeKey: string },
  config: WellbeingConfig,
  now: Date,
): Promise<"offered" | "started" | "skipped"> {
  if (await runningCooldown(db, agentId, now)) return "skipped";
  if (config.autoCooldown) {
    const cooldown = await startCooldown(
      db,
      agentId,
      { minutes: config.cooldownMinutes, reason: input.reason },
      now,
    );
    await notify(
      db,
      {
        to: { agentId },
        kind: "cooldown_started",
        caseId: input.caseId,
        title: `Cooldown started: ${config.cooldownMinutes} minutes without hostile cases`,
        body: `${input.reason}. No new hostile cases will be routed to you until ${cooldown.ends_at.toISOString()}; end it early whenever you are ready.`,
        data: { minutes: config.cooldownMinutes, endsAt: cooldown.ends_at.toISOString() },
        dedupeKey: input.dedupeKey,
      },
      now,
    );
    return "started";
  }
  const sent = await notify(
    db,
    {
      to: { agentId },
      kind: "cooldown_offered",
      caseId: input.caseId,
      title: `Take ${config.cooldownMinutes} minutes?`,
      body: `${input.reason}. Start a cooldown and no new hostile cases will be routed to you for a while (POST /api/v1/wellbeing/cooldown).`,
      data: { minutes: config.cooldownMinutes },
      dedupeKey: input.dedupeKey,
    },
    now,
  );
  return sent ? "offered" : "skipped";
}
