/**
 * @module Signed portal links the desk sends on its own (in acknowledgments and follow-ups): the same tokens agents
 * issue, so the portal opens them; storing the hash on the case makes it the case's current link.
 */
import type { ServerConfig } from "../../config.js";
import { sha256 } from "../auth/secrets.js";
import { serverSecret } from "../auth/service.js";
import { signPortalToken } from "../portal/tokens.js";

const DAY_MS = 86_400_000;

export interface CustomerLink {
  token: string;
  tokenHash: string;
  url: string;
  expiresAt: Date;
}

/**
 * A link to the web app's portal page `/portal/<token>` (plus `path`, e.g. "/followup"), under KEEL_PUBLIC_URL when
 * it is set. Customers open it in a browser: the page reads `/api/v1/portal/<token>`, whose JSON they never see.
 */
export function issueCustomerLink(
  config: ServerConfig,
  caseId: string,
  now: Date,
  days: number,
  path = "",
): CustomerLink {
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const token = signPortalToken(serverSecret(config), caseId, expiresAt);
  const base = (config.KEEL_PUBLIC_URL ?? "").replace(/\/$/, "");
  return { token, tokenHash: sha256(token), url: `${base}/portal/${token}${path}`, expiresAt };
}
