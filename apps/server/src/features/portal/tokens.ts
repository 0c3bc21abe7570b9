/**
 * @module Portal link tokens: `<case id>.<expiry seconds>.<nonce>.<HMAC-SHA256>` signed with the server secret.
 * The case also stores the token's hash, so issuing a new link revokes the old one.
 */
import { createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../auth/secrets.js";

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`portal:${payload}`).digest("base64url");

export function signPortalToken(secret: string, caseId: string, expiresAt: Date): string {
  const payload = `${caseId}.${Math.floor(expiresAt.getTime() / 1000)}.${randomBytes(9).toString("base64url")}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type PortalTokenCheck =
  | { ok: true; caseId: string }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export function verifyPortalToken(secret: string, token: string, now: Date): PortalTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, reason: "malformed" };
  const [caseId, expires, nonce, signature] = parts as [string, string, string, string];
  if (!/^\d{1,12}$/.test(expires)) return { ok: false, reason: "malformed" };
  if (!safeEqual(signature, sign(secret, `${caseId}.${expires}.${nonce}`)))
    return { ok: false, reason: "bad_signature" };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, caseId };
}
