/**
 * @module Fair routing: who gets a new case. Skills (case tags ∩ agent skills) and capacity decide who may take
 * it; a hostile case then goes to the least-loaded agent not cooling down, a calm one to the agent with the
 * fewest open cases. Every decision comes with the reason, in plain words.
 */
import type { RouteResult } from "@keel/contracts";
import {
  type Agent,
  activeCooldowns,
  type Case,
  currentLoads,
  type Database,
  listAgents,
  listMessages,
  openCaseCounts,
} from "@keel/db";
import type { Kysely } from "kysely";
import { caseHostility } from "./hostility.js";
import type { WellbeingConfig } from "./load.js";

export interface Candidate {
  agent: Pick<Agent, "id" | "name" | "skills" | "capacity">;
  open: number;
  load: number;
  coolingDown: boolean;
}

type Assessed = RouteResult["candidates"][number];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The pure decision: ranks candidates for a case with these tags. */
export function chooseAgent(
  candidates: readonly Candidate[],
  kase: { tags: readonly string[]; hostile: boolean; hostileWhy: string },
): { chosen: Candidate | null; explanation: string; candidates: Assessed[] } {
  const tags = new Set(kase.tags.map((t) => t.toLowerCase()));
  const assessed = candidates.map((c) => {
    const skillsMatched = c.agent.skills.filter((s) => tags.has(s.toLowerCase()));
    const full = c.open >= c.agent.capacity;
    const blockedByCooldown = kase.hostile && c.coolingDown;
    const why = full
      ? `at capacity (${c.open}/${c.agent.capacity} open)`
      : blockedByCooldown
        ? "cooling down: no hostile cases until the cooldown ends"
        : "";
    return { c, skillsMatched, eligible: !full && !blockedByCooldown, why };
  });
  // Skills narrow the field only when someone who can take the case has them; otherwise anyone may.
  const skilled = assessed.filter((a) => a.eligible && a.skillsMatched.length > 0);
  if (tags.size > 0 && skilled.length > 0) {
    for (const a of assessed) {
      if (a.eligible && a.skillsMatched.length === 0) {
        a.eligible = false;
        a.why = `no skill for ${[...tags].join(", ")}`;
      }
    }
  }
  const pool = assessed.filter((a) => a.eligible);
  const byName = (x: (typeof pool)[number], y: (typeof pool)[number]) =>
    x.c.agent.name.localeCompare(y.c.agent.name) || x.c.agent.id.localeCompare(y.c.agent.id);
  pool.sort(
    kase.hostile
      ? (x, y) => x.c.load - y.c.load || x.c.open - y.c.open || byName(x, y)
      : (x, y) =>
          x.c.open - y.c.open ||
          x.c.open / Math.max(1, x.c.agent.capacity) - y.c.open / Math.max(1, y.c.agent.capacity) ||
          x.c.load - y.c.load ||
          byName(x, y),
  );
  const best = pool[0];
  const out: Assessed[] = assessed.map((a) => ({
    agentId: a.c.agent.id,
    name: a.c.agent.name,
    eligible: a.eligible,
    why: a.eligible ? (a === best ? "chosen" : "eligible, ranked lower") : a.why,
    skillsMatched: a.skillsMatched,
    openCases: a.c.open,
    capacity: a.c.agent.capacity,
    load: round1(a.c.load),
    coolingDown: a.c.coolingDown,
  }));
  const kind = kase.hostile ? `hostile case (${kase.hostileWhy})` : "calm case";
  if (!best) {
    const reason =
      candidates.length === 0
        ? "no active agents to route to"
        : kase.hostile && assessed.every((a) => a.c.coolingDown || a.c.open >= a.c.agent.capacity)
          ? "every agent with room is cooling down or at capacity"
          : "every agent is at capacity";
    return { chosen: null, explanation: `${kind}: left unassigned — ${reason}`, candidates: out };
  }
  const c = best.c;
  const skills =
    best.skillsMatched.length > 0
      ? `skills ${best.skillsMatched.join(", ")}`
      : tags.size > 0
        ? `no one has skills for ${[...tags].join(", ")}`
        : "no skills needed";
  // Marked only when strictly best: a tie broken by the next criterion is not "the lowest".
  const lowestLoad = pool.every((a) => a === best || a.c.load > c.load);
  const fewestOpen = pool.every((a) => a === best || a.c.open > c.open);
  const load = `load ${Math.round(c.load)}${kase.hostile && lowestLoad && pool.length > 1 ? " (lowest)" : ""}`;
  const open = `${c.open}/${c.agent.capacity} open${!kase.hostile && fewestOpen && pool.length > 1 ? " (fewest)" : ""}`;
  const cooling = c.coolingDown ? "cooling down (calm cases only)" : "not cooling down";
  return {
    chosen: c,
    explanation: `${kind}: assigned to ${c.agent.name}: ${skills}, ${open}, ${load}, ${cooling}`,
    candidates: out,
  };
}

export interface RoutePlan {
  hostile: boolean;
  chosen: Candidate | null;
  explanation: string;
  candidates: Assessed[];
}

/** Gathers the candidates for a case (its team's active agents, or everyone's) and decides. */
export async function planRoute(
  db: Kysely<Database>,
  kase: Case,
  now: Date,
  config: WellbeingConfig,
): Promise<RoutePlan> {
  const everyone = (await listAgents(db, { activeOnly: true, role: "agent" })).filter(
    (a) => kase.team_id === null || a.team_id === kase.team_id,
  );
  const ids = everyone.map((a) => a.id);
  const [open, loads, cooldowns, messages] = await Promise.all([
    openCaseCounts(db, ids),
    currentLoads(db, now, config.halfLifeMs, ids),
    activeCooldowns(db, now, ids),
    listMessages(db, kase.id),
  ]);
  // Re-routing an open case: it should not count against the agent holding it now.
  const holding = kase.status === "resolved" || kase.status === "closed" ? null : kase.assignee_id;
  const candidates: Candidate[] = everyone.map((agent) => ({
    agent,
    open: Math.max(0, (open.get(agent.id) ?? 0) - (agent.id === holding ? 1 : 0)),
    load: loads.get(agent.id) ?? 0,
    coolingDown: cooldowns.has(agent.id),
  }));
  const h = caseHostility(messages);
  const hostile = h.maxLevel >= 2 || h.abusive || h.threats.length > 0;
  const why = [
    `anger ${Math.round(h.maxAnger)}`,
    ...(h.abusive ? ["abusive"] : []),
    ...(h.threats.length > 0 ? [`threat: ${h.threats.join(", ")}`] : []),
  ].join(", ");
  return { hostile, ...chooseAgent(candidates, { tags: kase.tags, hostile, hostileWhy: why }) };
}
