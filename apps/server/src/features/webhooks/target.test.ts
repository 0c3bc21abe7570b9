/** @module Webhook target policy: which addresses count as private, and how host names are checked. */
import { describe, expect, it } from "vitest";
import { checkWebhookTarget, isNonPublicAddress } from "./target.js";

describe("webhook targets", () => {
  it("tells private, loopback, link-local and reserved addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd12:3456::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });

  it("resolves host names and refuses one with any private address", async () => {
    const lookup = async (host: string) =>
      ({ "public.example": ["93.184.216.34"], "sneaky.example": ["93.184.216.34", "10.0.0.5"] })[host] ?? [];
    expect(await checkWebhookTarget("https://public.example/hook", false, lookup)).toEqual({ ok: true });
    const sneaky = await checkWebhookTarget("https://sneaky.example/hook", false, lookup);
    expect(sneaky.ok ? "" : sneaky.reason).toMatch(/10\.0\.0\.5/);
    const unknown = await checkWebhookTarget("https://nowhere.example/hook", false, lookup);
    expect(unknown.ok).toBe(false);
    expect(await checkWebhookTarget("http://127.0.0.1:8080/hook", true, lookup)).toEqual({ ok: true });
    const ftp = await checkWebhookTarget("ftp://public.example/", true, lookup);
    expect(ftp.ok).toBe(false);
  });
});
