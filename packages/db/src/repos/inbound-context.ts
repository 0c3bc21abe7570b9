/**
 * @module What storing one inbound customer message needs to read, in one statement: who sent it (contact and
 * customer), the case it goes to, the earlier inbound messages the coach reads it against, and — for a message
 * that opens a case — whether its channel id was stored before.
 */
import { type Kysely, sql } from "kysely";
import { PREPARED } from "../prepared.js";
import { isUuid } from "../result.js";
import type { Case, Contact, ContactKind, Customer, Database, JsonValue } from "../schema.js";
import { rowFromJson } from "./json.js";

export interface EarlierInbound {
  id: string;
  body: string;
  /** The anger stored with the message's analysis, when it has one. */
  anger: number | null;
}

export interface InboundContext {
  sender: { contact: Contact; customer: Customer } | null;
  /** Null when no case id was given or no case has it. */
  case: Case | null;
  /**
   * Earlier inbound messages on the case, oldest first: the latest `RECENT_INBOUND`, preceded by up to two older
   * non-blank ones when fewer than two of those latest have any text (so "has written before" can still be told).
   */
  earlier: EarlierInbound[];
  /** A message already stored with the external id asked about. */
  seenMessageId: string | null;
  /** Events some active webhook subscribes to, as this transaction sees them. */
  subscribedEvents: string[];
}

/** How many of the latest inbound messages are read back. */
export const RECENT_INBOUND = 3;

type ContextRow = Case & {
  ctx_sender: { contact: JsonValue; customer: JsonValue } | null;
  ctx_earlier: Array<{ id: string; body: string; anger: JsonValue; recent: boolean }> | null;
  ctx_seen: string | null;
  ctx_hooks: string[] | null;
};

export interface InboundContextQuery {
  kind: ContactKind;
  value: string;
  caseId: string | null;
  externalMessageId: string | null;
}

export async function readInboundContext(
  db: Kysely<Database>,
  input: InboundContextQuery,
): Promise<InboundContext> {
  const [context] = await readInboundContexts(db, [input]);
  if (context === undefined) throw new Error("the inbound context query returned no row");
  return context;
}

/**
 * The contexts of several messages in one statement, in the order asked (a batch of messages written together: see
 * the server's inbound batcher). Each is read as the transaction sees it before any of them is stored.
 */
export async function readInboundContexts(
  db: Kysely<Database>,
  inputs: readonly InboundContextQuery[],
): Promise<InboundContext[]> {
  if (inputs.length === 0) return [];
  const caseIds = inputs.map((i) => (i.caseId !== null && isUuid(i.caseId) ? i.caseId : null));
  const { rows } = await sql<ContextRow>`${PREPARED}
    SELECT c.*,
      CASE WHEN cu.id IS NOT NULL THEN json_build_object('contact', to_json(ct), 'customer', to_json(cu)) END
        AS ctx_sender,
      (WITH latest AS (SELECT id, body, analysis, created_at FROM messages
                        WHERE case_id = c.id AND direction = 'inbound'
                        ORDER BY created_at DESC, id DESC LIMIT ${RECENT_INBOUND})
       SELECT json_agg(json_build_object('id', e.id, 'body', e.body, 'anger', e.analysis -> 'result' -> 'anger',
                                         'recent', e.recent) ORDER BY e.created_at, e.id)
         FROM (SELECT id, body, analysis, created_at, true AS recent FROM latest
               UNION ALL
               (SELECT id, body, analysis, created_at, false AS recent FROM messages
                 WHERE case_id = c.id AND direction = 'inbound' AND btrim(body) <> ''
                   -- Read only when used (see earlierOf): the latest are all there and fewer than two hold text.
                   AND (SELECT count(*) = ${RECENT_INBOUND} AND count(*) FILTER (WHERE btrim(latest.body) <> '') < 2
                          FROM latest)
                 ORDER BY created_at DESC, id DESC LIMIT ${RECENT_INBOUND + 2})) e) AS ctx_earlier,
      (SELECT m.id FROM messages m WHERE m.external_message_id = i.external_id
        ORDER BY m.created_at LIMIT 1) AS ctx_seen,
      hooks.events AS ctx_hooks
    FROM unnest(${inputs.map((i) => i.kind)}::text[], ${inputs.map((i) => i.value)}::text[],
                ${caseIds}::uuid[], ${inputs.map((i) => i.externalMessageId)}::text[])
         WITH ORDINALITY AS i(kind, value, case_id, external_id, ord)
    LEFT JOIN cases c ON c.id = i.case_id
    -- Joined rather than looked up per message: on small tables the planner scans them once for the whole batch
    -- (as a subquery it scanned them again for every message), on large ones it probes their indexes.
    LEFT JOIN (contacts ct JOIN customers cu ON cu.id = ct.customer_id) ON ct.kind = i.kind AND ct.value = i.value
    CROSS JOIN (SELECT array_agg(DISTINCT e) AS events FROM webhooks w, unnest(w.events) AS e WHERE w.active) hooks
    ORDER BY i.ord`.execute(db);
  if (rows.length !== inputs.length) throw new Error("the inbound context query returned too few rows");
  return rows.map(contextOf);
}

function contextOf(row: ContextRow): InboundContext {
  const { ctx_sender: sender, ctx_earlier: earlierRows, ctx_seen: seen, ctx_hooks: hooks, ...kase } = row;
  const contact = rowFromJson<Contact>(sender?.contact ?? null);
  const customer = rowFromJson<Customer>(sender?.customer ?? null);
  return {
    sender: contact && customer ? { contact, customer } : null,
    case: kase.id === null ? null : (kase as Case),
    earlier: earlierOf(earlierRows ?? []),
    seenMessageId: seen,
    subscribedEvents: hooks ?? [],
  };
}

/** The latest messages, preceded by older non-blank ones only when the latest hold fewer than two with text. */
function earlierOf(
  rows: Array<{ id: string; body: string; anger: JsonValue; recent: boolean }>,
): EarlierInbound[] {
  const recent = rows.filter((r) => r.recent);
  const recentIds = new Set(recent.map((r) => r.id));
  const nonBlank = recent.filter((r) => r.body.trim() !== "").length;
  const older =
    recent.length < RECENT_INBOUND || nonBlank >= 2
      ? []
      : rows.filter((r) => !r.recent && !recentIds.has(r.id)).slice(-(2 - nonBlank));
  return [...older, ...recent].map((r) => ({
    id: r.id,
    body: r.body,
    anger: typeof r.anger === "number" ? r.anger : null,
  }));
}

/**
 * Holds, until the transaction ends, the right to store a message with this channel id: two deliveries of the same
 * email at once (a sender retrying before our first answer) then store it once, not on two new cases.
 */
export async function lockExternalMessageId(db: Kysely<Database>, externalMessageId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`keel.message:${externalMessageId}`}, 0))`.execute(
    db,
  );
}
