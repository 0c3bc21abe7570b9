/** @module The dashboard's API calls: the figures for a range of days and the escalation queue. */
import type { Dashboard, Escalation, EscalationCaseResult, EscalationList } from "@keel/contracts";
import type { z } from "zod";
import { api } from "../api/client.js";

export type EscalationItem = z.output<typeof Escalation>;

export const dashboardFigures = (range: { from?: string; to?: string }) =>
  api<Dashboard>("GET", "/analytics/dashboard", { query: range });

export const escalationQueue = () => api<z.output<typeof EscalationList>>("GET", "/escalations");

export const takeEscalation = (id: string) =>
  api<z.output<typeof EscalationCaseResult>>("POST", `/escalations/${id}/take`);

export const resolveEscalation = (id: string, note?: string) =>
  api<z.output<typeof EscalationCaseResult>>("POST", `/escalations/${id}/resolve`, {
    body: note ? { note } : {},
  });
