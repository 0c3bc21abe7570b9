/** @module Table interfaces: the shape of Keel's PostgreSQL database as Kysely sees it. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Defaulted to now() on insert; repositories set it on every update. */
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** text[] columns: pg returns string[]; written as string[] with a database default of '{}'. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** jsonb columns: any JSON value; Keel stores objects it owns (coach results, audit snapshots). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type NullableJson = ColumnType<JsonValue | null, JsonValue | null | undefined, JsonValue | null>;

export const AGENT_ROLES = ["agent", "supervisor", "admin"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
export const CONTACT_KINDS = ["email", "phone", "external_id"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CASE_STATUSES = [
  "new",
  "open",
  "pending_customer",
  "pending_internal",
  "resolved",
  "closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const MESSAGE_DIRECTIONS = ["inbound", "outbound", "note"] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
export const MESSAGE_CHANNELS = ["email", "web", "api", "chat", "phone"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const ACTOR_KINDS = ["agent", "contact", "api_token", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
/** Attachments above this size are refused (the database enforces it too). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface AgentsTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: AgentRole;
  password_hash: string | null;
  skills: TextArray;
  capacity: Generated<number>;
  team_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ContactsTable {
  id: Generated<string>;
  customer_id: string;
  kind: ContactKind;
  /** Normalised: emails lower-cased, phones reduced to + and digits. */
  value: string;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: Generated<string>;
  /** Human-facing case number (#1042), assigned by the database. */
  number: ColumnType<number, never, never>;
  subject: string;
  status: Generated<CaseStatus>;
  priority: Generated<CasePriority>;
  customer_id: string;
  team_id: string | null;
  assignee_id: string | null;
  tags: TextArray;
  first_response_due_at: NullableTimestamp;
  first_responded_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  /** Set while the SLA clock is stopped (waiting on the customer). */
  sla_paused_at: NullableTimestamp;
  /** Seconds the SLA clock has spent paused, summed over closed pauses. */
  sla_paused_seconds: Generated<number>;
  portal_token_hash: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  case_id: string;
  direction: MessageDirection;
  author_agent_id: string | null;
  author_contact_id: string | null;
  channel: MessageChannel;
  body: string;
  /** The message as received (e.g. the raw MIME source), kept for audits and re-parsing. */
  raw_source: string | null;
  /** The channel's own id (e.g. an email Message-ID), unique per case for de-duplication. */
  external_message_id: string | null;
  analysis: NullableJson;
  created_at: CreatedAt;
}

export interface AttachmentsTable {
  id: Generated<string>;
  message_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  /** Either the bytes live in the row or on disk at disk_path — exactly one is set. */
  content: Buffer | null;
  disk_path: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_kind: ActorKind;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: NullableJson;
  after: NullableJson;
  at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<string>;
  agent_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  agent_id: string;
  token_hash: string;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Timestamp;
}

export interface IdempotencyKeysTable {
  key: string;
  route: string;
  request_hash: string;
  /** Null while the first request is still being processed. */
  response_status: number | null;
  response_body: NullableJson;
  created_at: CreatedAt;
}

export interface Database {
  teams: TeamsTable;
  agents: AgentsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  cases: CasesTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Team = Selectable<TeamsTable>;
export type Agent = Selectable<AgentsTable>;
export type Customer = Selectable<CustomersTable>;
export type Contact = Selectable<ContactsTable>;
export type Case = Selectable<CasesTable>;
export type Message = Selectable<MessagesTable>;
export type Attachment = Selectable<AttachmentsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Session = Selectable<SessionsTable>;
export type IdempotencyKey = Selectable<IdempotencyKeysTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseUpdateRow = Updateable<CasesTable>;
