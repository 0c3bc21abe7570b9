/**
 * @module Over-promises need a second look: a reply the coach flags `overpromise` ("this will never happen again")
 * is sent only with an explicit confirmation, and the confirmation is recorded in the audit log.
 */
import { coachReply, type Span } from "@keel/coach";
import { type Database, listMessages, type Message } from "@keel/db";
import type { Kysely } from "kysely";
import { type Actor, audit } from "../audit/service.js";

export interface OverpromiseFinding {
  spans: Span[];
  suggestions: string[];
}

/** What the coach flags as over-promising in a draft reply on this case (read against the thread), or null. */
export async function findOverpromise(
  db: Kysely<Database>,
  caseId: string,
  body: string,
  now: Date,
): Promise<OverpromiseFinding | null> {
  const thread = await listMessages(db, caseId);
  const conversation = thread
    .filter((m) => m.direction !== "note")
    .map((m) => ({
      role: m.direction === "inbound" ? ("customer" as const) : ("agent" as const),
      text: m.body,
    }));
  const lastCustomer = [...thread].reverse().find((m) => m.direction === "inbound")?.body ?? null;
  const label = coachReply(body, lastCustomer, conversation, {
    referenceDate: now.toISOString().slice(0, 10),
  }).labels.overpromise;
  if (!label.value) return null;
  const rewrites = (label.rewrites ?? []).map((r) => r.replacement);
  const suggestions = rewrites.length > 0 ? rewrites : label.suggestion ? [label.suggestion] : [];
  return { spans: label.spans, suggestions };
}

/** The over-promise spans the coach stored with a sent reply, or null when it flagged none. */
function storedOverpromise(message: Message): Span[] | null {
  const analysis = message.analysis as {
    kind?: string;
    result?: { labels?: { overpromise?: unknown } };
  } | null;
  const label = analysis?.kind === "reply" ? analysis.result?.labels?.overpromise : undefined;
  if (typeof label !== "object" || label === null) return null;
  const { value, spans } = label as { value?: unknown; spans?: unknown };
  return value === true ? (Array.isArray(spans) ? (spans as Span[]) : []) : null;
}

/** Records that the sender confirmed an over-promising reply, when the stored coaching flags one. */
export async function recordOverpromiseConfirmation(
  db: Kysely<Database>,
  message: Message,
  actor: Actor,
): Promise<boolean> {
  const spans = storedOverpromise(message);
  if (spans === null) return false;
  await audit(db, actor, {
    entity: "message",
    entityId: message.id,
    action: "overpromise_confirmed",
    after: { caseId: message.case_id, spans },
  });
  return true;
}
