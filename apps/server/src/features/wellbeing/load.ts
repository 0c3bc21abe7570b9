/** @module Emotional load: charging agents for the hostile messages they handle, and reading loads back. */
import type { AgentLoad, LoadEvent } from "@keel/contracts";
import {
  type Agent,
  type AgentCooldown,
  type AgentLoadEvent,
  abuseExposure,
  activeCooldowns,
  currentLoads,
  type Database,
  insertLoadEvent,
  type Message,
  openCaseCounts,
} from "@keel/db";
import type { Kysely } from "kysely";
import { readSetting } from "../settings/service.js";
import { hostilityOf, loadPointsOf } from "./hostility.js";
import { wellbeingSetting } from "./settings.js";

const HOUR = 3_600_000;

export interface WellbeingConfig {
  halfLifeMs: number;
  threshold: number;
  cooldownMinutes: number;
  autoCooldown: boolean;
}

export async function wellbeingConfig(db: Kysely<Database>): Promise<WellbeingConfig> {
  const s = await readSetting(db, wellbeingSetting);
  return {
    halfLifeMs: s.halfLifeHours * HOUR,
    threshold: s.loadThreshold,
    cooldownMinutes: s.cooldownMinutes,
    autoCooldown: s.autoCooldown,
  };
}

/** What an event of `points` made `ageMs` ago still weighs. */
export const decayed = (points: number, ageMs: number, halfLifeMs: number): number =>
  ageMs < 0 ? 0 : points * 0.5 ** (ageMs / halfLifeMs);

/**
 * Charges `agentId` for a customer message they handle (assigned to its case, or replying to it), as of `at`: when
 * it reached them. Calm messages add nothing; the same message is charged to an agent once.
 */
export async function chargeForMessage(
  db: Kysely<Database>,
  input: { agentId: string; caseId: string; message: Message; at: Date },
): Promise<AgentLoadEvent | undefined> {
  const hostility = hostilityOf(input.message);
  const { points, reason } = loadPointsOf(hostility);
  if (points <= 0) return undefined;
  return insertLoadEvent(db, {
    agentId: input.agentId,
    caseId: input.caseId,
    messageId: input.message.id,
    points,
    reason,
    abusive: hostility?.abusive === true,
    createdAt: input.at,
  });
}

export async function loadOf(
  db: Kysely<Database>,
  agentId: string,
  now: Date,
  config: WellbeingConfig,
): Promise<number> {
  return (await currentLoads(db, now, config.halfLifeMs, [agentId])).get(agentId) ?? 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const utcDayStart = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export const levelOf = (load: number, threshold: number): AgentLoad["level"] =>
  load >= threshold ? "high" : load >= threshold / 2 ? "elevated" : "low";

export function toCooldownDto(c: AgentCooldown) {
  return { id: c.id, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(), reason: c.reason };
}

/** Load, abuse exposure, open cases and cooldown for each agent, as the API shows them. */
export async function loadViews(
  db: Kysely<Database>,
  agents: readonly Agent[],
  now: Date,
  config: WellbeingConfig,
): Promise<AgentLoad[]> {
  const ids = agents.map((a) => a.id);
  const [loads, exposure, open, cooldowns] = await Promise.all([
    currentLoads(db, now, config.halfLifeMs, ids),
    abuseExposure(db, now, utcDayStart(now), ids),
    openCaseCounts(db, ids),
    activeCooldowns(db, now, ids),
  ]);
  return agents.map((agent) => {
    const load = round1(loads.get(agent.id) ?? 0);
    const seen = exposure.get(agent.id);
    const cooldown = cooldowns.get(agent.id);
    return {
      agentId: agent.id,
      name: agent.name,
      role: agent.role,
      load,
      level: levelOf(load, config.threshold),
      abusive7d: seen?.abusive7d ?? 0,
      abusive30d: seen?.abusive30d ?? 0,
      hostileCasesToday: seen?.hostileCasesToday ?? 0,
      openCases: open.get(agent.id) ?? 0,
      capacity: agent.capacity,
      cooldown: cooldown ? toCooldownDto(cooldown) : null,
    };
  });
}

export function toLoadEventDto(e: AgentLoadEvent, now: Date, config: WellbeingConfig): LoadEvent {
  return {
    id: e.id,
    caseId: e.case_id,
    messageId: e.message_id,
    points: e.points,
    weightNow: round1(decayed(e.points, now.getTime() - e.created_at.getTime(), config.halfLifeMs)),
    reason: e.reason,
    abusive: e.abusive,
    createdAt: e.created_at.toISOString(),
  };
}
