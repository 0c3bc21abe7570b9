/** @module Webhook signatures: `x-keel-signature: sha256=<hex HMAC-SHA256 of the raw body>` with the webhook's secret. */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-keel-signature";

export const signPayload = (secret: string, body: string): string =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** For receivers (and tests): whether `signature` is this body's, compared in constant time. */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
