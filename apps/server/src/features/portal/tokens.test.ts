import { describe, expect, it } from "vitest";
import { signPortalToken, verifyPortalToken } from "./tokens.js";

const secret = "s".repeat(40);
const caseId = "6f1c2a8e-1d4b-4c3a-9e2f-0a1b2c3d4e5f";
const now = new Date("2026-11-02T09:00:00Z");

describe("portal tokens", () => {
  it("accepts its own token before expiry", () => {
    const token = signPortalToken(secret, caseId, new Date("2026-11-03T09:00:00Z"));
    expect(verifyPortalToken(secret, token, now)).toEqual({ ok: true, caseId });
  });

  it("refuses expired, tampered and foreign tokens", () => {
    const token = signPortalToken(secret, caseId, new Date("2026-11-03T09:00:00Z"));
    expect(verifyPortalToken(secret, token, new Date("2026-11-04T00:00:00Z"))).toMatchObject({
      reason: "expired",
    });
    const other = token.replace(caseId, "00000000-0000-4000-8000-000000000000");
    expect(verifyPortalToken(secret, other, now)).toMatchObject({ reason: "bad_signature" });
    expect(verifyPortalToken("x".repeat(40), token, now)).toMatchObject({ reason: "bad_signature" });
    expect(verifyPortalToken(secret, "nonsense", now)).toMatchObject({ reason: "malformed" });
  });
});
