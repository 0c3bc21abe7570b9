/** @module The settings screen's API calls: generic settings, escalation rules, agents, teams, tokens, webhooks. */
import type {
  AgentList,
  AgentPatch,
  ApiToken,
  CreatedApiToken,
  EscalationRuleSet,
  NewAgentBody,
  Setting,
  SettingList,
  TeamList,
} from "@keel/contracts";
import type { z } from "zod";
import { api, newIdempotencyKey } from "../api/client.js";

export type SettingDto = z.output<typeof Setting>;
export type RuleSetDto = z.output<typeof EscalationRuleSet>;
export type AgentDto = z.output<typeof AgentList>["agents"][number];
export type TeamDto = z.output<typeof TeamList>["teams"][number];
export type TokenDto = z.output<typeof ApiToken>;

export interface WebhookDto {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  created_at: string;
}
/** The events a webhook may subscribe to (the server's list). */
export const WEBHOOK_EVENTS = [
  "case.created",
  "case.updated",
  "case.sla_breached",
  "case.escalated",
  "message.created",
] as const;

export const listSettings = () => api<z.output<typeof SettingList>>("GET", "/settings");
export const saveSetting = (key: string, value: unknown) =>
  api<SettingDto>("PUT", `/settings/${encodeURIComponent(key)}`, { body: { value } });

export const escalationRules = () => api<RuleSetDto>("GET", "/escalation/rules");
export const saveEscalationRules = (rules: unknown, baseVersion: number) =>
  api<RuleSetDto>("PUT", "/escalation/rules", { body: { rules, baseVersion } });

export const listAgents = () => api<z.output<typeof AgentList>>("GET", "/agents");
export const createAgent = (body: z.input<typeof NewAgentBody>) =>
  api<AgentDto>("POST", "/agents", { body, idempotencyKey: newIdempotencyKey() });
export const patchAgent = (id: string, patch: z.input<typeof AgentPatch>) =>
  api<AgentDto>("PATCH", `/agents/${id}`, { body: patch });
export const listTeams = () => api<z.output<typeof TeamList>>("GET", "/teams");
export const createTeam = (name: string) =>
  api<TeamDto>("POST", "/teams", { body: { name }, idempotencyKey: newIdempotencyKey() });

export const listTokens = () => api<{ tokens: TokenDto[] }>("GET", "/auth/tokens");
export const createToken = (name: string) =>
  api<z.output<typeof CreatedApiToken>>("POST", "/auth/tokens", {
    body: { name },
    idempotencyKey: newIdempotencyKey(),
  });
export const revokeToken = (id: string) => api<null>("DELETE", `/auth/tokens/${id}`);

export const listWebhooks = () => api<{ webhooks: WebhookDto[] }>("GET", "/webhooks");
export const createWebhook = (url: string, events: string[]) =>
  api<WebhookDto & { secret: string }>("POST", "/webhooks", { body: { url, events } });
export const deleteWebhook = (id: string) => api<null>("DELETE", `/webhooks/${id}`);
