/** @module Keeps what the sender wrote in an email body: drops quoted replies, their "On … wrote:" line and signatures. */

const ATTRIBUTION = /^(on\b.*\bwrote:|.*<[^>]+@[^>]+>\s*wrote:)\s*$/i;
const FORWARD_OR_ORIGINAL = /^-{2,}\s*(original message|forwarded message)\s*-{2,}/i;
const OUTLOOK_HEADER = /^from:\s.+/i;

export function stripQuoted(body: string): string {
  const kept: string[] = [];
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    const trimmed = line.trim();
    // Everything after these markers is the earlier conversation, not this message.
    if (FORWARD_OR_ORIGINAL.test(trimmed) || trimmed === "--" || line === "-- ") break;
    if (OUTLOOK_HEADER.test(trimmed) && kept.length > 0 && kept[kept.length - 1]?.trim() === "") break;
    if (trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  // An attribution line ("On Tue, Ann wrote:") sits just above the quote it introduced.
  while (
    kept.length > 0 &&
    (kept[kept.length - 1]?.trim() === "" || ATTRIBUTION.test(kept[kept.length - 1] ?? ""))
  ) {
    kept.pop();
  }
  return kept
    .filter(
      (line, i) => !(ATTRIBUTION.test(line) && (kept[i + 1] === undefined || kept[i + 1]?.trim() === "")),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
