/** @module Random tokens and their stored hashes: sessions and API tokens are kept only as SHA-256 digests. */
import { hash, randomBytes, timingSafeEqual } from "node:crypto";

export const randomToken = (prefix = ""): string => `${prefix}${randomBytes(32).toString("base64url")}`;

/** One-shot hashing: every API call hashes its token, and a Hash object per call is garbage. */
export const sha256 = (value: string): string => hash("sha256", value, "hex");

/** Constant-time string comparison (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
