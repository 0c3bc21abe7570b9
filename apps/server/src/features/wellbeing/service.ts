/**
 * @module Wellbeing: what the routes and other features use — agents' load and cooldowns, fair routing of a case,
 * the abuse policy's boundary scripts, contact blocks, and the profanity-masking preference.
 */
import type { LoadOverview, MyWellbeing, RouteResult } from "@keel/contracts";
import { type Agent, listAgents, listLoadEvents, updateAgent as writeAgent } from "@keel/db";
import { failure, fromDb, type Result, success } from "../../service-result.js";
import { type Actor, audit } from "../audit/service.js";
import { forgetApiTokenLookups } from "../auth/service.js";
import { type CoreDeps, getCase, updateCase } from "../cases/service.js";
import { endCooldown, startCooldown } from "./cooldown.js";
import { loadViews, toCooldownDto, toLoadEventDto, wellbeingConfig } from "./load.js";
import { planRoute } from "./routing.js";

export {
  blockContact,
  blockedContacts,
  isBlockedAuthor,
  toBlockedContactDto,
  unblockContact,
} from "./blocks.js";
export { boundaryScript } from "./boundary.js";
export { caseHostility, type Hostility, hostilityOf, isHostile } from "./hostility.js";
export { maskedForViewer, maskProfanityIn } from "./masking.js";
export {
  BLOCKED_CONTACT_TAG,
  onBlockedContactMessage,
  topReplier,
  wellbeingOnCaseChange,
  wellbeingOnMessage,
} from "./reactions.js";
export { abusePolicySetting, routingSetting, wellbeingSetting } from "./settings.js";

type Deps = Pick<CoreDeps, "db" | "clock">;

const hours = (ms: number) => ms / 3_600_000;

/** Every active agent's load, abuse exposure and cooldown, most loaded first. */
export async function loadOverview(deps: Deps): Promise<LoadOverview> {
  const now = deps.clock.now();
  const config = await wellbeingConfig(deps.db);
  const agents = await listAgents(deps.db, { activeOnly: true });
  const views = await loadViews(deps.db, agents, now, config);
  views.sort((a, b) => b.load - a.load || a.name.localeCompare(b.name));
  return {
    at: now.toISOString(),
    threshold: config.threshold,
    halfLifeHours: hours(config.halfLifeMs),
    agents: views,
  };
}

export async function myWellbeing(deps: Deps, agent: Agent): Promise<MyWellbeing> {
  const now = deps.clock.now();
  const config = await wellbeingConfig(deps.db);
  const [me] = await loadViews(deps.db, [agent], now, config);
  if (!me) throw new Error("loadViews returned no row for the agent");
  const events = await listLoadEvents(deps.db, agent.id, { until: now, limit: 20 });
  return {
    at: now.toISOString(),
    threshold: config.threshold,
    halfLifeHours: hours(config.halfLifeMs),
    defaultCooldownMinutes: config.cooldownMinutes,
    me,
    recentEvents: events.map((e) => toLoadEventDto(e, now, config)),
  };
}

export async function takeCooldown(deps: Deps, agent: Agent, minutes: number | undefined, actor: Actor) {
  const now = deps.clock.now();
  const config = await wellbeingConfig(deps.db);
  const length = minutes ?? config.cooldownMinutes;
  const cooldown = await startCooldown(
    deps.db,
    agent.id,
    { minutes: length, reason: `taken by ${agent.name} (${length} min)` },
    now,
  );
  await audit(deps.db, actor, {
    entity: "agent",
    entityId: agent.id,
    action: "cooldown_start",
    after: toCooldownDto(cooldown),
  });
  return toCooldownDto(cooldown);
}

/** Ends the caller's cooldown early; `not_found` when none is running. */
export async function endMyCooldown(deps: Deps, agent: Agent, actor: Actor): Promise<Result<null>> {
  const ended = await endCooldown(deps.db, agent.id, deps.clock.now());
  if (!ended) return failure("not_found", "You have no cooldown running.");
  await audit(deps.db, actor, { entity: "agent", entityId: agent.id, action: "cooldown_end" });
  return success(null);
}

/** Assigns the case by the routing rules now (a supervisor asked), and says why. */
export async function routeCaseNow(
  deps: CoreDeps,
  caseId: string,
  actor: Actor,
): Promise<Result<RouteResult>> {
  const kase = await getCase(deps, caseId);
  if (!kase.ok) return kase;
  const now = deps.clock.now();
  const plan = await planRoute(deps.db, kase.value, now, await wellbeingConfig(deps.db));
  const result: RouteResult = {
    caseId,
    hostile: plan.hostile,
    assigned: plan.chosen ? { agentId: plan.chosen.agent.id, name: plan.chosen.agent.name } : null,
    explanation: plan.explanation,
    candidates: plan.candidates,
  };
  if (!plan.chosen || plan.chosen.agent.id === kase.value.assignee_id) return success(result);
  const updated = await updateCase(deps, caseId, { assigneeId: plan.chosen.agent.id }, actor, "route");
  return updated.ok ? success(result) : updated;
}

export async function setPreferences(
  deps: Deps,
  agent: Agent,
  patch: { maskProfanity?: boolean | undefined },
  actor: Actor,
): Promise<Result<Agent>> {
  const updated = fromDb(
    await writeAgent(
      deps.db,
      agent.id,
      patch.maskProfanity === undefined ? {} : { maskProfanity: patch.maskProfanity },
    ),
  );
  forgetApiTokenLookups();
  if (updated.ok && patch.maskProfanity !== undefined && patch.maskProfanity !== agent.mask_profanity) {
    await audit(deps.db, actor, {
      entity: "agent",
      entityId: agent.id,
      action: "preferences",
      before: { maskProfanity: agent.mask_profanity },
      after: { maskProfanity: updated.value.mask_profanity },
    });
  }
  return updated;
}
