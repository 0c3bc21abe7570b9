/** @module Analytics API: the supervisor dashboard's figures over a range of days (UTC). */
import { z } from "zod";
import { Timestamp, Uuid } from "./common.js";

/** A calendar day in UTC, `YYYY-MM-DD`. */
export const CalendarDay = z.iso.date().describe("A day in UTC, YYYY-MM-DD.");

/** The longest range one dashboard request may cover. */
export const MAX_DASHBOARD_DAYS = 366;

export const DashboardQuery = z.object({
  from: CalendarDay.optional().describe("First day (UTC), inclusive. Default: 13 days before `to`."),
  to: CalendarDay.optional().describe("Last day (UTC), inclusive. Default: today."),
});

export const DashboardDay = z.object({
  day: CalendarDay,
  angerMessages: z.number().int().describe("Customer messages read by the coach that day."),
  angerAvg: z.number().nullable().describe("Mean anger (0–100) of those messages; null without any."),
  angerMax: z.number().nullable(),
  deescalationCases: z.number().int().describe("Cases whose after-reply reading fell on this day."),
  deescalated: z.number().int().describe("Of those, the cases where the customer's anger fell."),
  firstResponseBreaches: z
    .number()
    .int()
    .describe("First-response targets missed, by the day they fell due."),
  resolutionBreaches: z.number().int().describe("Resolution targets missed, by the day they fell due."),
  followupsAnswered: z.number().int(),
  csatAvg: z.number().nullable().describe("Mean CSAT (1–5) of the follow-ups answered that day."),
  fixHeldRate: z.number().nullable().describe("Share (0–1) of those answers saying the fix held."),
  abusiveMessages: z.number().int().describe("Abusive customer messages agents handled that day."),
});

export const DashboardAgent = z.object({
  agentId: Uuid,
  name: z.string(),
  role: z.string(),
  openCases: z.number().int(),
  capacity: z.number().int(),
  repliesSent: z.number().int().describe("Replies this agent sent in the range."),
  hostilityPoints: z
    .number()
    .describe("Hostility points (wellbeing load events) taken in the range, undecayed."),
  hostileMessages: z.number().int().describe("Hostile customer messages handled in the range."),
  abusiveMessages: z.number().int().describe("Of those, messages with abuse aimed at the agent."),
  overduePromises: z.number().int().describe("Open promises this agent owes that are past due now."),
  loadNow: z.number().describe("Wellbeing load now: hostility points, each halved every half-life."),
  loadLevel: z.enum(["low", "elevated", "high"]).describe("high at or above the cooldown threshold."),
  coolingDown: z.boolean().describe("On a cooldown now: routing sends them no new hostile cases."),
});

export const Dashboard = z.object({
  from: CalendarDay,
  to: CalendarDay,
  generatedAt: Timestamp,
  days: z.array(DashboardDay),
  anger: z.object({
    messages: z.number().int(),
    avg: z.number().nullable(),
    max: z.number().nullable(),
  }),
  deescalation: z
    .object({
      cases: z.number().int().describe("Upset customers who wrote again after one of our replies."),
      fell: z.number().int(),
      steady: z.number().int(),
      rose: z.number().int(),
      rate: z.number().nullable().describe("fell / cases; null without cases."),
      minDrop: z.number().describe("How many points (0–100) anger must drop to count as fallen."),
    })
    .describe("See the analytics README for the exact definition."),
  sla: z.object({
    firstResponseBreaches: z.number().int(),
    resolutionBreaches: z.number().int(),
  }),
  promises: z.object({
    open: z.number().int().describe("Open promises now."),
    overdue: z.number().int().describe("Open promises past their due time now."),
    madeInRange: z.number().int(),
    keptInRange: z.number().int().describe("Promises fulfilled in the range."),
  }),
  followups: z.object({
    answered: z.number().int(),
    csatAvg: z.number().nullable(),
    fixHeldRate: z.number().nullable(),
    reopened: z.number().int().describe("Answers that reopened the case."),
  }),
  agents: z.array(DashboardAgent),
});

export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type DashboardDay = z.infer<typeof DashboardDay>;
export type DashboardAgent = z.infer<typeof DashboardAgent>;
export type Dashboard = z.infer<typeof Dashboard>;
