/**
 * @module Where a webhook may be sent: http(s) only, and — unless the `webhooks` setting allows it — never to a
 * private, loopback, link-local or otherwise non-public address, so a webhook cannot be used to reach the desk's own
 * network (the database, cloud metadata endpoints). Host names are resolved and every address they give is checked.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address (v4 or v6, IPv4-mapped included) is outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return NON_PUBLIC.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, "ipv4");
  if (family === 6) return NON_PUBLIC.check(address, "ipv6");
  return true;
}

export type Lookup = (host: string) => Promise<string[]>;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true })).map((a) => a.address);

export type TargetCheck = { ok: true } | { ok: false; reason: string };

/** Checks a webhook URL against the policy; `allowPrivate` comes from the `webhooks` setting. */
export async function checkWebhookTarget(
  url: string,
  allowPrivate: boolean,
  lookup: Lookup = systemLookup,
): Promise<TargetCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "is not a URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, reason: "must use http or https" };
  }
  if (allowPrivate) return { ok: true };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await lookup(host);
  } catch (error) {
    return { ok: false, reason: `host ${host} cannot be resolved (${(error as Error).message})` };
  }
  const blocked = addresses.find(isNonPublicAddress);
  if (addresses.length === 0 || blocked !== undefined) {
    return {
      ok: false,
      reason:
        `points to ${blocked ?? "no address"}, a private or local address; an admin can allow such ` +
        `targets with the "webhooks" setting (allowPrivateAddresses)`,
    };
  }
  return { ok: true };
}
