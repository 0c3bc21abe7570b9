/** @module The supervisor dashboard: every figure for a range of days, gathered into one response. */
import type { Dashboard, DashboardDay, DashboardQuery } from "@keel/contracts";
import type { Database } from "@keel/db";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import { type Result, success } from "../../service-result.js";
import { loadOverview } from "../wellbeing/service.js";
import {
  angerByDay,
  angerChange,
  DEESCALATION_MIN_DROP,
  deescalationReadings,
} from "./dashboard-customers.js";
import { agentExposure, followupsByDay, promiseFigures, slaBreachesByDay } from "./dashboard-desk.js";
import { dashboardRange } from "./dashboard-range.js";

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 3));

export async function buildDashboard(
  deps: { db: Kysely<Database>; clock: Clock },
  query: DashboardQuery,
): Promise<Result<Dashboard>> {
  const now = deps.clock.now();
  const checked = dashboardRange(query, now);
  if (!checked.ok) return checked;
  const range = checked.value;
  const { db } = deps;
  const [anger, readings, breaches, promises, followups, agents, load] = await Promise.all([
    angerByDay(db, range),
    deescalationReadings(db, range),
    slaBreachesByDay(db, range, now),
    promiseFigures(db, range, now),
    followupsByDay(db, range),
    agentExposure(db, range),
    loadOverview(deps),
  ]);
  const loadNow = new Map(load.agents.map((a) => [a.agentId, a]));

  const days = new Map<string, DashboardDay>(
    range.days.map((day) => [
      day,
      {
        day,
        angerMessages: 0,
        angerAvg: null,
        angerMax: null,
        deescalationCases: 0,
        deescalated: 0,
        firstResponseBreaches: 0,
        resolutionBreaches: 0,
        followupsAnswered: 0,
        csatAvg: null,
        fixHeldRate: null,
        abusiveMessages: 0,
      },
    ]),
  );
  for (const a of anger) {
    const day = days.get(a.day);
    if (!day) continue;
    day.angerMessages = a.messages;
    day.angerAvg = a.messages > 0 ? round(a.sum / a.messages) : null;
    day.angerMax = a.messages > 0 ? round(a.max) : null;
    day.abusiveMessages = a.abusive;
  }
  const changes = { fell: 0, steady: 0, rose: 0 };
  for (const reading of readings) {
    const change = angerChange(reading);
    changes[change]++;
    const day = days.get(reading.day);
    if (!day) continue;
    day.deescalationCases++;
    if (change === "fell") day.deescalated++;
  }
  for (const b of breaches) {
    const day = days.get(b.day);
    if (!day) continue;
    day.firstResponseBreaches = b.firstResponse;
    day.resolutionBreaches = b.resolution;
  }
  for (const f of followups) {
    const day = days.get(f.day);
    if (!day) continue;
    day.followupsAnswered = f.answered;
    day.csatAvg = f.answered > 0 ? round(f.csatSum / f.answered, 2) : null;
    day.fixHeldRate = ratio(f.fixHeld, f.answered);
  }

  const angerMessages = anger.reduce((n, a) => n + a.messages, 0);
  const answered = followups.reduce((n, f) => n + f.answered, 0);
  return success({
    from: range.from,
    to: range.to,
    generatedAt: now.toISOString(),
    days: [...days.values()],
    anger: {
      messages: angerMessages,
      avg: angerMessages > 0 ? round(anger.reduce((s, a) => s + a.sum, 0) / angerMessages) : null,
      max: angerMessages > 0 ? round(Math.max(...anger.map((a) => a.max))) : null,
    },
    deescalation: {
      cases: readings.length,
      ...changes,
      rate: ratio(changes.fell, readings.length),
      minDrop: DEESCALATION_MIN_DROP,
    },
    sla: {
      firstResponseBreaches: breaches.reduce((n, b) => n + b.firstResponse, 0),
      resolutionBreaches: breaches.reduce((n, b) => n + b.resolution, 0),
    },
    promises: {
      open: promises.open,
      overdue: promises.overdue,
      madeInRange: promises.madeInRange,
      keptInRange: promises.keptInRange,
    },
    followups: {
      answered,
      csatAvg: answered > 0 ? round(followups.reduce((s, f) => s + f.csatSum, 0) / answered, 2) : null,
      fixHeldRate: ratio(
        followups.reduce((n, f) => n + f.fixHeld, 0),
        answered,
      ),
      reopened: followups.reduce((n, f) => n + f.reopened, 0),
    },
    agents: agents.map((agent) => {
      const current = loadNow.get(agent.agentId);
      return {
        ...agent,
        overduePromises: promises.overdueByAgent.get(agent.agentId) ?? 0,
        loadNow: round(current?.load ?? 0),
        loadLevel: current?.level ?? "low",
        coolingDown: current?.cooldown != null,
      };
    }),
  });
}
