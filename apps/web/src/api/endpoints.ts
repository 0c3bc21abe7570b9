/** @module Typed calls to Keel's API, one function per operation the web app uses (types from @keel/contracts). */
import type {
  Agent,
  AgentList,
  AngerTrajectory,
  BriefResponse,
  Case,
  CaseList,
  CaseListQuery,
  CasePatch,
  CreatedMessage,
  Customer,
  EscalateCaseBody,
  EscalateCaseResult,
  EscalationAdvice,
  FollowupList,
  InboxList,
  InboxQuery,
  LedgerPromiseList,
  LoginResponse,
  MeResponse,
  MessageList,
  NewMessageBody,
  OverpromiseConflict,
  PortalLink,
  TeamList,
  UpdateDraft,
} from "@keel/contracts";
import type { z } from "zod";
import { api, newIdempotencyKey, type Query } from "./client.js";

export type Trajectory = z.output<typeof AngerTrajectory>;
export type TeamListDto = z.output<typeof TeamList>;
export type CaseListParams = Partial<z.input<typeof CaseListQuery>> & Query;
export type NewMessage = z.input<typeof NewMessageBody> & { confirmOverpromise?: boolean };
export type Created = z.output<typeof CreatedMessage>;

export const login = (email: string, password: string) =>
  api<z.output<typeof LoginResponse>>("POST", "/auth/login", { body: { email, password } });
export const logout = () => api<null>("POST", "/auth/logout");
export const me = () => api<z.output<typeof MeResponse>>("GET", "/auth/me");

export interface DemoAccount {
  role: Agent["role"];
  name: string;
  email: string;
  password: string;
}
export const demoAccounts = () => api<{ accounts: DemoAccount[] }>("GET", "/auth/demo-accounts");

export const listCases = (query: CaseListParams, signal?: AbortSignal) =>
  api<z.output<typeof CaseList>>("GET", "/cases", { query, ...(signal ? { signal } : {}) });
export const getCase = (id: string) => api<Case>("GET", `/cases/${id}`);
export const patchCase = (id: string, patch: z.input<typeof CasePatch>) =>
  api<Case>("PATCH", `/cases/${id}`, { body: patch });
export type EscalationResult = z.output<typeof EscalateCaseResult>;
export type Brief = z.output<typeof BriefResponse>;
export type Advice = z.output<typeof EscalationAdvice>;
export const escalateCase = (id: string, body: z.input<typeof EscalateCaseBody>) =>
  api<EscalationResult>("POST", `/cases/${id}/escalate`, { body, idempotencyKey: newIdempotencyKey() });
export const escalationAdvice = (id: string) => api<Advice>("GET", `/cases/${id}/escalation`);
export const caseBrief = (id: string) => api<Brief>("GET", `/cases/${id}/brief`);
export const angerTrajectory = (id: string) => api<Trajectory>("GET", `/cases/${id}/anger`);

export const listMessages = (caseId: string) =>
  api<z.output<typeof MessageList>>("GET", `/cases/${caseId}/messages`);
export const postMessage = (caseId: string, body: NewMessage, idempotencyKey: string) =>
  api<Created>("POST", `/cases/${caseId}/messages`, { body, idempotencyKey });

export type OverpromiseError = z.output<typeof OverpromiseConflict>["error"];
export type Inbox = z.output<typeof InboxList>;
export type InboxItem = Inbox["items"][number];
export type InboxParams = Partial<z.input<typeof InboxQuery>> & Query;
export const inbox = (query: InboxParams, signal?: AbortSignal) =>
  api<Inbox>("GET", "/inbox", { query, ...(signal ? { signal } : {}) });

export type Promises = z.output<typeof LedgerPromiseList>["promises"];
export const casePromises = (caseId: string) =>
  api<z.output<typeof LedgerPromiseList>>("GET", `/cases/${caseId}/promises`);
export type Followups = z.output<typeof FollowupList>["followups"];
export const caseFollowups = (caseId: string) =>
  api<z.output<typeof FollowupList>>("GET", `/cases/${caseId}/followups`);
export const updateDraft = (caseId: string) =>
  api<z.output<typeof UpdateDraft>>("GET", `/cases/${caseId}/update-draft`);

export type CustomerDto = z.output<typeof Customer>;
export const getCustomer = (id: string) => api<CustomerDto>("GET", `/customers/${id}`);
export type PortalLinkDto = z.output<typeof PortalLink>;
export const createPortalLink = (caseId: string) =>
  api<PortalLinkDto>("POST", `/cases/${caseId}/portal-link`, {
    body: {},
    idempotencyKey: newIdempotencyKey(),
  });

export const listAgents = () => api<z.output<typeof AgentList>>("GET", "/agents");
export const listTeams = () => api<TeamListDto>("GET", "/teams");
