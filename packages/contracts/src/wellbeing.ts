/** @module Agent wellbeing API: emotional load, cooldowns, fair routing, abuse policy, blocks and preferences. */
import { z } from "zod";
import { Text, Timestamp, Uuid } from "./common.js";
import { ContactKind } from "./customers.js";

export const Cooldown = z.object({
  id: Uuid,
  startsAt: Timestamp,
  endsAt: Timestamp,
  reason: z.string(),
});
export type Cooldown = z.infer<typeof Cooldown>;

export const LOAD_LEVEL_VALUES = ["low", "elevated", "high"] as const;

export const AgentLoad = z.object({
  agentId: Uuid,
  name: z.string(),
  role: z.string(),
  load: z.number().describe("Current load: hostility points handled, each halved every half-life."),
  level: z
    .enum(LOAD_LEVEL_VALUES)
    .describe("high at or above the cooldown threshold, elevated above half of it."),
  abusive7d: z.number().int().describe("Abusive messages handled in the last 7 days."),
  abusive30d: z.number().int(),
  hostileCasesToday: z
    .number()
    .int()
    .describe("Distinct cases with hostile messages handled since 00:00 UTC."),
  openCases: z.number().int(),
  capacity: z.number().int(),
  cooldown: Cooldown.nullable(),
});
export type AgentLoad = z.infer<typeof AgentLoad>;

export const LoadEvent = z.object({
  id: Uuid,
  caseId: Uuid,
  messageId: Uuid.nullable(),
  points: z.number(),
  weightNow: z.number().describe("What the event still adds to the load now."),
  reason: z.string(),
  abusive: z.boolean(),
  createdAt: Timestamp,
});
export type LoadEvent = z.infer<typeof LoadEvent>;

export const LoadOverview = z.object({
  at: Timestamp,
  threshold: z.number(),
  halfLifeHours: z.number(),
  agents: z.array(AgentLoad),
});
export type LoadOverview = z.infer<typeof LoadOverview>;

export const MyWellbeing = z.object({
  at: Timestamp,
  threshold: z.number(),
  halfLifeHours: z.number(),
  defaultCooldownMinutes: z.number().int(),
  me: AgentLoad,
  recentEvents: z.array(LoadEvent),
});
export type MyWellbeing = z.infer<typeof MyWellbeing>;

export const CooldownBody = z
  .object({ minutes: z.number().int().min(1).max(480).optional() })
  .describe("Without minutes, the `wellbeing` setting's cooldown length is used.");

export const CooldownResponse = z.object({ cooldown: Cooldown.nullable() });

export const RouteCandidate = z.object({
  agentId: Uuid,
  name: z.string(),
  eligible: z.boolean(),
  why: z.string().describe("Why this agent was or was not eligible."),
  skillsMatched: z.array(z.string()),
  openCases: z.number().int(),
  capacity: z.number().int(),
  load: z.number(),
  coolingDown: z.boolean(),
});
export type RouteCandidate = z.infer<typeof RouteCandidate>;

export const RouteResult = z.object({
  caseId: Uuid,
  hostile: z.boolean(),
  assigned: z.object({ agentId: Uuid, name: z.string() }).nullable(),
  explanation: z.string(),
  candidates: z.array(RouteCandidate),
});
export type RouteResult = z.infer<typeof RouteResult>;

export const BOUNDARY_STAGE_VALUES = ["none", "warning", "closing"] as const;

export const BoundaryScript = z.object({
  caseId: Uuid,
  stage: z.enum(BOUNDARY_STAGE_VALUES),
  script: z.string().nullable(),
  why: z.string(),
  abusiveMessageIds: z.array(Uuid),
  warningsSent: z.number().int().describe("Replies since the abuse began that set a boundary (coach label)."),
  warningsBeforeEnding: z.number().int(),
  setsBoundary: z.boolean().nullable().describe("Whether the coach reads the script as setting a boundary."),
});
export type BoundaryScript = z.infer<typeof BoundaryScript>;

export const Preferences = z.object({ maskProfanity: z.boolean() });
export type Preferences = z.infer<typeof Preferences>;

export const PreferencesPatch = Preferences.partial();

export const BlockBody = z.object({ reason: Text(500, 1).describe("Why the contact is blocked (kept).") });

export const BlockedContact = z.object({
  id: Uuid,
  customerId: Uuid,
  kind: ContactKind,
  value: z.string(),
  blockedAt: Timestamp.nullable(),
  blockedReason: z.string().nullable(),
  blockedBy: Uuid.nullable(),
});
export type BlockedContact = z.infer<typeof BlockedContact>;

export const BlockedContactList = z.object({ contacts: z.array(BlockedContact) });
