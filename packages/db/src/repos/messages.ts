/** @module Messages on a case: inbound, outbound and internal notes, de-duplicated by the channel's message id. */
import { type Kysely, sql } from "kysely";
import { PREPARED } from "../prepared.js";
import { type DbResult, found, guarded, isUuid, notFound, ok } from "../result.js";
import type { Database, JsonValue, Message, MessageChannel, MessageDirection } from "../schema.js";
import { jsonb, jsonbOrNull } from "./json.js";

/** The columns of a `Message`: all but the raw source. */
export const MESSAGE_COLUMNS = [
  "id",
  "case_id",
  "direction",
  "author_agent_id",
  "author_contact_id",
  "channel",
  "body",
  "external_message_id",
  "analysis",
  "created_at",
] as const satisfies ReadonlyArray<keyof Message>;
/** The same list for SQL written by hand. */
const MESSAGE_COLUMNS_SQL = sql.raw(MESSAGE_COLUMNS.join(", "));

export interface NewMessage {
  caseId: string;
  direction: MessageDirection;
  channel: MessageChannel;
  body: string;
  authorAgentId?: string | null;
  authorContactId?: string | null;
  rawSource?: string | null;
  externalMessageId?: string | null;
  analysis?: JsonValue | null;
  /**
   * Defaults to the database's clock when the statement runs (not the transaction's start: messages written in one
   * transaction keep the order they were written in); importers pass the original time.
   */
  createdAt?: Date;
}

/**
 * Adds a message. A message whose external id is already on the case is not added twice: the stored one is
 * returned with `created: false`, so re-delivered emails and retried API calls are harmless. (A customer's message,
 * with its audit entry and queued reactions, goes through `addInboundMessages`.)
 */
export async function addMessage(
  db: Kysely<Database>,
  input: NewMessage,
): Promise<DbResult<{ message: Message; created: boolean }>> {
  return guarded<{ message: Message; created: boolean }>("message", async () => {
    // Written as SQL rather than with the query builder: this runs for every message, and building the
    // statement cost more CPU than PostgreSQL spent running it.
    const { rows } = await sql<Message>`${PREPARED}
      INSERT INTO messages (case_id, direction, channel, body, author_agent_id, author_contact_id, raw_source,
                            external_message_id, analysis, created_at)
      VALUES (${input.caseId}, ${input.direction}, ${input.channel}, ${input.body}, ${input.authorAgentId ?? null},
              ${input.authorContactId ?? null}, ${input.rawSource ?? null}, ${input.externalMessageId ?? null},
              ${jsonbOrNull(input.analysis)}, COALESCE(${input.createdAt ?? null}::timestamptz, clock_timestamp()))
      ON CONFLICT (case_id, external_message_id) DO NOTHING
      RETURNING ${MESSAGE_COLUMNS_SQL}`.execute(db);
    const inserted = rows[0];
    if (inserted) return ok({ message: inserted, created: true });
    return ok({
      message: await storedWithExternalId(db, input.caseId, input.externalMessageId ?? ""),
      created: false,
    });
  });
}

/** The message a case already holds with this channel id (the one an insert of it conflicted with). */
function storedWithExternalId(
  db: Kysely<Database>,
  caseId: string,
  externalMessageId: string,
): Promise<Message> {
  return db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("case_id", "=", caseId)
    .where("external_message_id", "=", externalMessageId)
    .executeTakeFirstOrThrow();
}

/** A customer's message for `addInboundMessages`: its id is chosen by the caller, to find its row in the result. */
export interface NewInboundMessage {
  id: string;
  caseId: string;
  channel: MessageChannel;
  body: string;
  authorContactId: string | null;
  rawSource: string | null;
  externalMessageId: string | null;
  /** The coach's reading as JSON text (made once by the caller, sent as it is). */
  analysisJson: string | null;
  /** The same reading as a value (`analysisJson` parsed), for the message returned; parsed here when not given. */
  analysis?: JsonValue | null;
  /** As in `NewMessage`: the database's clock when the statement runs unless given. */
  createdAt: Date | null;
  /**
   * Queue the message's reactions to run after its commit (see `message_reactions_due`), noting whether the case had
   * earlier customer messages.
   */
  queueReactions: boolean;
  /** Null: not known, the reactions look for themselves. */
  hadInbound: boolean | null;
}

/**
 * Adds customers' messages in one statement, each with its audit entry (by its author) and, when asked, its queued
 * reactions. Messages must be on different cases, so their order on each
 * case is the order of the statements. One whose channel id is already on its case is not added: the stored one is
 * returned with `created: false`. Returns one entry per input, in input order.
 */
export async function addInboundMessages(
  db: Kysely<Database>,
  inputs: readonly NewInboundMessage[],
): Promise<DbResult<Array<{ message: Message; created: boolean }>>> {
  return guarded<Array<{ message: Message; created: boolean }>>("message", async () => {
    if (inputs.length === 0) return ok([]);
    const column = <T>(pick: (input: NewInboundMessage) => T) => inputs.map(pick);
    // The readings go as one JSON array of the texts as they are: as a text[] element, each would be escaped
    // character by character in JavaScript, and they are the longest values here.
    const analyses = `[${column((i) => i.analysisJson ?? "null").join(",")}]`;
    const { rows } = await sql<Pick<Message, "id" | "created_at">>`${PREPARED}
      WITH i AS (
        SELECT * FROM ROWS FROM (
            unnest(${column((i) => i.id)}::uuid[]), unnest(${column((i) => i.caseId)}::uuid[]),
            unnest(${column((i) => i.channel)}::text[]), unnest(${column((i) => i.body)}::text[]),
            unnest(${column((i) => i.authorContactId)}::uuid[]), unnest(${column((i) => i.rawSource)}::text[]),
            unnest(${column((i) => i.externalMessageId)}::text[]), jsonb_array_elements(${analyses}::jsonb),
            unnest(${column((i) => i.createdAt)}::timestamptz[]), unnest(${column((i) => i.queueReactions)}::boolean[]),
            unnest(${column((i) => i.hadInbound)}::boolean[]))
          WITH ORDINALITY AS i(id, case_id, channel, body, author_contact_id, raw_source, external_message_id,
                               analysis, created_at, queue_reactions, had_inbound, ord)),
      m AS (
        INSERT INTO messages (id, case_id, direction, channel, body, author_contact_id, raw_source,
                              external_message_id, analysis, created_at)
        SELECT id, case_id, 'inbound', channel, body, author_contact_id, raw_source, external_message_id,
               NULLIF(analysis, 'null'::jsonb), COALESCE(created_at, clock_timestamp())
          FROM i ORDER BY ord
        ON CONFLICT (case_id, external_message_id) DO NOTHING
        RETURNING ${MESSAGE_COLUMNS_SQL}),
      a AS (INSERT INTO audit_log (actor_kind, actor_id, entity, entity_id, action, before, after)
            SELECT 'contact', m.author_contact_id, 'message', m.id::text, 'create', NULL, to_jsonb(m) FROM m),
      q AS (INSERT INTO message_reactions_due (message_id, had_inbound)
            SELECT m.id, i.had_inbound FROM m JOIN i ON i.id = m.id WHERE i.queue_reactions)
      -- The rest of each row is what was sent: not read back (the readings are the longest values here).
      SELECT id, created_at FROM m`.execute(db);
    const byId = new Map(rows.map((row) => [row.id, row.created_at]));
    const stored: Array<{ message: Message; created: boolean }> = [];
    for (const input of inputs) {
      const createdAt = byId.get(input.id);
      stored.push(
        createdAt
          ? { message: insertedMessage(input, createdAt), created: true }
          : {
              message: await storedWithExternalId(db, input.caseId, input.externalMessageId ?? ""),
              created: false,
            },
      );
    }
    return ok(stored);
  });
}

/**
 * Locks the message counts of these cases (see migration 2026112609) in case order, for a transaction that will add
 * messages to several of them in more than one statement: each statement locks its cases in order, but two
 * statements together would not, and two such transactions could deadlock.
 */
export async function lockCaseMessageCounts(db: Kysely<Database>, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await sql`${PREPARED} SELECT FROM case_message_counts WHERE case_id = ANY(${caseIds}::uuid[])
    ORDER BY case_id FOR UPDATE`.execute(db);
}

/** The row `addInboundMessages` stored for an input, as a read of it would return it. */
function insertedMessage(input: NewInboundMessage, createdAt: Date): Message {
  return {
    id: input.id,
    case_id: input.caseId,
    direction: "inbound",
    author_agent_id: null,
    author_contact_id: input.authorContactId,
    channel: input.channel,
    body: input.body,
    external_message_id: input.externalMessageId,
    analysis:
      input.analysis !== undefined
        ? input.analysis
        : input.analysisJson === null
          ? null
          : (JSON.parse(input.analysisJson) as JsonValue),
    created_at: createdAt,
  };
}

export async function getMessage(db: Kysely<Database>, id: string): Promise<DbResult<Message>> {
  if (!isUuid(id)) return notFound("message", id);
  return found(
    await db.selectFrom("messages").select(MESSAGE_COLUMNS).where("id", "=", id).executeTakeFirst(),
    "message",
    id,
  );
}

/** The message as received (e.g. its MIME source), or null when it has none or there is no such message. */
export async function getMessageRawSource(db: Kysely<Database>, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom("messages").select("raw_source").where("id", "=", id).executeTakeFirst();
  return row?.raw_source ?? null;
}

/** A case's conversation in the order it happened. */
export async function listMessages(db: Kysely<Database>, caseId: string): Promise<Message[]> {
  return db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** A case's latest inbound messages, oldest first: the context a new customer message is read against. */
export async function listRecentInbound(
  db: Kysely<Database>,
  caseId: string,
  limit: number,
): Promise<Pick<Message, "id" | "body" | "created_at">[]> {
  const rows = await db
    .selectFrom("messages")
    .select(["id", "body", "created_at"])
    .where("case_id", "=", caseId)
    .where("direction", "=", "inbound")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** Messages carrying this channel id on any case (email threading by In-Reply-To / References). */
export async function findMessagesByExternalId(
  db: Kysely<Database>,
  externalMessageId: string,
): Promise<Message[]> {
  return db
    .selectFrom("messages")
    .select(MESSAGE_COLUMNS)
    .where("external_message_id", "=", externalMessageId)
    .orderBy("created_at")
    .execute();
}

/** Stores the coach's analysis of a message (replacing any earlier one). */
export async function setMessageAnalysis(
  db: Kysely<Database>,
  id: string,
  analysis: JsonValue,
): Promise<DbResult<Message>> {
  if (!isUuid(id)) return notFound("message", id);
  return found(
    await db
      .updateTable("messages")
      .set({ analysis: jsonb(analysis) })
      .where("id", "=", id)
      .returning(MESSAGE_COLUMNS)
      .executeTakeFirst(),
    "message",
    id,
  );
}
