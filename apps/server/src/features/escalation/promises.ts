/** @module The promises agents made in a thread, read by the coach's promise extractor, with due times and lateness. */
import { extractPromises } from "@keel/coach";
import type { PreparedMessage } from "./prepare.js";

export interface ThreadPromise {
  /** The promise clause as the agent wrote it. */
  text: string;
  messageId: string;
  /** ISO instant, resolved against the time the reply was written; null when no time was given. */
  due: string | null;
  /** From the promise ledger, when the case has one; promises read from the thread are taken as open. */
  status?: "open" | "fulfilled" | "cancelled";
}

/** Every promise in the agents' replies, oldest first, each clause once. */
export function promisesInThread(msgs: readonly PreparedMessage[]): ThreadPromise[] {
  const out: ThreadPromise[] = [];
  const seen = new Set<string>();
  for (const m of msgs) {
    if (m.message.direction !== "outbound") continue;
    for (const p of extractPromises(m.message.body, { referenceDate: m.message.createdAt })) {
      const key = p.span.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text: p.span.text, messageId: m.message.id, due: p.due });
    }
  }
  return out;
}

/** Whether the promise's due time has passed at `now` (both ISO instants); unknown times are never late. */
export function isOverdue(due: string | null, now: string | undefined): boolean {
  if (due === null || now === undefined) return false;
  const dueMs = Date.parse(due);
  const nowMs = Date.parse(now);
  return Number.isFinite(dueMs) && Number.isFinite(nowMs) && nowMs > dueMs;
}

/** Whether an open promise is past its due time (kept or cancelled ones never are). */
export function isPromiseOverdue(p: ThreadPromise, now: string | undefined): boolean {
  return (p.status ?? "open") === "open" && isOverdue(p.due, now);
}

/** "I'll call you tomorrow (due 2026-11-21T10:00:00.000Z, overdue)", "… (kept)". */
export function promiseLine(p: ThreadPromise, now: string | undefined): string {
  if (p.status === "fulfilled") return `${p.text} (kept)`;
  if (p.status === "cancelled") return `${p.text} (cancelled)`;
  if (p.due === null) return p.text;
  return `${p.text} (due ${p.due}${isOverdue(p.due, now) ? ", overdue" : ""})`;
}
