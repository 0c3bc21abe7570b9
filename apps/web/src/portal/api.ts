/**
 * @module The customer portal's API calls. They go without the desk's cookies (the link's token is the only
 * credential) and outside the agents' client, so a customer's expired link never signs an agent out in this tab.
 */
import type {
  FollowupAnswerBody,
  FollowupAnswerResponse,
  PortalCase,
  PortalFollowup,
  PortalReplyResponse,
} from "@keel/contracts";
import type { z } from "zod";
import { newIdempotencyKey } from "../api/client.js";

export type PortalCaseDto = z.output<typeof PortalCase>;
export type PortalFollowupDto = z.output<typeof PortalFollowup>;
export type FollowupAnswer = z.input<typeof FollowupAnswerBody>;
export type FollowupOutcome = z.output<typeof FollowupAnswerResponse>;

export type PortalResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<PortalResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["idempotency-key"] = newIdempotencyKey();
  }
  try {
    const response = await fetch(`/api/v1/portal/${path}`, {
      method,
      headers,
      credentials: "omit",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (response.ok) return { ok: true, data: parsed as T };
    return {
      ok: false,
      status: response.status,
      message: parsed?.error?.message ?? `The server answered ${response.status}.`,
    };
  } catch {
    return { ok: false, status: 0, message: "We could not be reached. Check your connection and try again." };
  }
}

const t = (token: string) => encodeURIComponent(token);

export const portalCase = (token: string) => call<PortalCaseDto>("GET", t(token));
export const portalReply = (token: string, text: string) =>
  call<z.output<typeof PortalReplyResponse>>("POST", `${t(token)}/replies`, { body: text });
export const portalFollowup = (token: string) => call<PortalFollowupDto>("GET", `${t(token)}/followup`);
export const answerFollowup = (token: string, answer: FollowupAnswer) =>
  call<FollowupOutcome>("POST", `${t(token)}/followup`, answer);
