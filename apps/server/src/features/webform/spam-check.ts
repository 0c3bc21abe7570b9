/** @module Cheap spam signals for the public contact form: a filled honeypot, a form sent too fast, too many links. */

export const MIN_FILL_MS = 3_000;
export const MAX_LINKS = 3;

export interface FormSubmission {
  message: string;
  /** The hidden field people never see and bots fill in. */
  honeypot?: string | undefined;
  /** When the form was shown (from the page), if it says. */
  startedAt?: Date | undefined;
}

export type SpamVerdict =
  | { spam: false }
  | { spam: true; reason: "honeypot" | "too_fast" | "too_many_links" };

export function spamVerdict(form: FormSubmission, now: Date): SpamVerdict {
  if (form.honeypot !== undefined && form.honeypot.trim() !== "") return { spam: true, reason: "honeypot" };
  if (form.startedAt !== undefined && now.getTime() - form.startedAt.getTime() < MIN_FILL_MS) {
    return { spam: true, reason: "too_fast" };
  }
  const links = form.message.match(/\bhttps?:\/\/|\bwww\.|\[url=/gi)?.length ?? 0;
  if (links > MAX_LINKS) return { spam: true, reason: "too_many_links" };
  return { spam: false };
}
