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
  /** The agent's preference: profanity in customer messages is masked in their views. */
  mask_profanity: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  /** IANA zone ("Europe/London") promise due times are read in; null: the desk's timezone. */
  timezone: ColumnType<string | null, string | null | undefined, string | null>;
  /** VIP customers can be escalated sooner by the escalation rules. */
  vip: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ContactsTable {
  id: Generated<string>;
  customer_id: string;
  kind: ContactKind;
  /** Normalised: emails lower-cased, phones reduced to + and digits. */
  value: string;
  /** Set while an admin has blocked this contact (their messages are stored but reopen and notify nothing). */
  blocked_at: NullableTimestamp;
  blocked_reason: string | null;
  blocked_by: string | null;
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
  /** When the key was claimed; a retry taking over an abandoned claim moves it to its own start. */
  created_at: UpdatedAt;
}

/** A notification to one agent, or to everyone with a role (each reader marks it read for themself). */
export interface NotificationsTable {
  id: Generated<string>;
  agent_id: string | null;
  role: "supervisor" | "admin" | null;
  kind: string;
  case_id: string | null;
  title: string;
  body: Generated<string>;
  data: NullableJson;
  /** A repeat with the same key is not stored again (reminders fire once). */
  dedupe_key: string | null;
  read_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface NotificationReadsTable {
  notification_id: string;
  agent_id: string;
  read_at: CreatedAt;
}

/** Admin settings: every save is a new version; the highest version is current. */
export interface SettingsTable {
  key: string;
  version: number;
  value: ColumnType<JsonValue, JsonValue, never>;
  author_agent_id: string | null;
  created_at: CreatedAt;
}

export const PROMISE_STATUSES = ["open", "fulfilled", "cancelled"] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
export const PROMISE_KINDS = ["callback", "update", "refund", "replacement", "fix", "other"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

/** A commitment made in an outbound reply, tracked until it is kept or cancelled. */
export interface PromisesTable {
  id: Generated<string>;
  case_id: string;
  /** The reply that made the promise. */
  message_id: string;
  /** The agent who owes it (the reply's author); null for replies sent by the system. */
  owner_agent_id: string | null;
  /** Who the reply says will act: the writer ("I'll"), their team ("we'll") or the company ("your refund will"). */
  owed_by: "agent" | "team" | "company";
  kind: PromiseKind;
  /** What is owed, in a few words ("call you back"). */
  text: string;
  span_text: string;
  span_start: number;
  span_end: number;
  confidence: number;
  due_at: NullableTimestamp;
  due_text: string | null;
  /** The customer's zone the due time was read in. */
  timezone: string;
  status: Generated<PromiseStatus>;
  fulfilled_at: NullableTimestamp;
  fulfilled_by_kind: "agent" | "reply" | null;
  fulfilled_by_agent_id: string | null;
  fulfilled_by_message_id: string | null;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  /** Set when the owner was reminded before the due time (once per due time). */
  reminded_at: NullableTimestamp;
  /** Set when supervisors and the owner were told it is overdue (once per due time). */
  overdue_alerted_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Hostility an agent handled: one row per hostile message, weighed by anger, abuse and threats. */
export interface AgentLoadEventsTable {
  id: Generated<string>;
  agent_id: string;
  case_id: string;
  message_id: string | null;
  points: number;
  reason: string;
  abusive: Generated<boolean>;
  created_at: CreatedAt;
}

/** A break from hostile cases; `ended_at` is set when it is ended before `ends_at`. */
export interface AgentCooldownsTable {
  id: Generated<string>;
  agent_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  ended_at: NullableTimestamp;
  reason: Generated<string>;
  created_at: CreatedAt;
}

/** A private look back at a hard case: what helped the customer calm down, what to try next time. */
export interface ReflectionsTable {
  id: Generated<string>;
  agent_id: string;
  case_id: string;
  went_well: ColumnType<JsonValue, JsonValue | undefined, JsonValue>;
  try_next: ColumnType<JsonValue, JsonValue | undefined, JsonValue>;
  message_ids: TextArray;
  shared: Generated<boolean>;
  shared_at: NullableTimestamp;
  notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export const ESCALATION_SOURCES = ["rule", "agent", "sla"] as const;
export type EscalationSource = (typeof ESCALATION_SOURCES)[number];
export const ESCALATION_STATUSES = ["open", "taken", "resolved"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** The escalation rules as a whole, one row per saved version; the highest version is in force. */
export interface EscalationRuleSetsTable {
  version: number;
  rules: ColumnType<JsonValue, JsonValue, never>;
  author_agent_id: string | null;
  created_at: CreatedAt;
}

/** A case handed to the supervisor queue, with why (reasons) and the handoff brief as it was then. */
export interface EscalationsTable {
  id: Generated<string>;
  case_id: string;
  source: EscalationSource;
  rule_name: string | null;
  /** 1 worth knowing, 2 escalate soon, 3 escalate now: the most severe reason. */
  severity: number;
  reasons: ColumnType<JsonValue, JsonValue | undefined, JsonValue>;
  brief: ColumnType<JsonValue, JsonValue, JsonValue>;
  status: Generated<EscalationStatus>;
  requested_by_agent_id: string | null;
  taken_by_agent_id: string | null;
  taken_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  note: string | null;
  resolution_note: string | null;
  /** When the newest message the supervisor had seen was written (at escalating, then at resolving). */
  seen_until: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The acknowledgment a new case got: the outbound message, or why none was sent. */
export interface AcknowledgmentsTable {
  case_id: string;
  message_id: string | null;
  skipped_reason: string | null;
  created_at: CreatedAt;
}

export const FOLLOWUP_OUTCOMES = ["closed", "reopened"] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

/** The question sent some days after a case is resolved ("did the fix hold?"), and the customer's answer. */
export interface FollowupsTable {
  id: Generated<string>;
  case_id: string;
  due_at: Timestamp;
  sent_at: NullableTimestamp;
  /** The outbound message that asked. */
  message_id: string | null;
  /** Hash of the signed portal link sent with it. */
  token_hash: string | null;
  link_expires_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  fix_held: boolean | null;
  csat: number | null;
  comment: string | null;
  /** The comment's anger level (0 calm … 3 furious) as the coach read it. */
  comment_anger: number | null;
  outcome: FollowupOutcome | null;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  /** The last agent who replied on the case when it was resolved, and their team: who the answer is credited to. */
  agent_id: string | null;
  team_id: string | null;
  created_at: CreatedAt;
}

/** One client's hits on one limit in one fixed window (unlogged; see the migration). */
export interface RateLimitWindowsTable {
  bucket: string;
  client_key: string;
  window_start: Date;
  window_end: Date;
  hits: Generated<number>;
}

/** An inbound message whose reactions are still to run (written with the message, deleted when they ran). */
export interface MessageReactionsDueTable {
  message_id: string;
  queued_at: CreatedAt;
  had_inbound: boolean | null;
  attempts: Generated<number>;
}

/** How many messages a case has: kept by triggers on `messages` (read-only here). */
export interface CaseMessageCountsTable {
  case_id: string;
  /** bigint, read as text. */
  messages: string;
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
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  settings: SettingsTable;
  agent_load_events: AgentLoadEventsTable;
  agent_cooldowns: AgentCooldownsTable;
  reflections: ReflectionsTable;
  promises: PromisesTable;
  escalation_rule_sets: EscalationRuleSetsTable;
  escalations: EscalationsTable;
  acknowledgments: AcknowledgmentsTable;
  followups: FollowupsTable;
  rate_limit_windows: RateLimitWindowsTable;
  message_reactions_due: MessageReactionsDueTable;
  case_message_counts: CaseMessageCountsTable;
}

export type Team = Selectable<TeamsTable>;
export type Agent = Selectable<AgentsTable>;
export type Customer = Selectable<CustomersTable>;
export type Contact = Selectable<ContactsTable>;
export type Case = Selectable<CasesTable>;
/**
 * A message as read back: every column but its raw source (a whole MIME message with its attachments, up to 25 MB),
 * which is read only on request (`getMessageRawSource`), never with a thread.
 */
export type Message = Omit<Selectable<MessagesTable>, "raw_source">;
export type Attachment = Selectable<AttachmentsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Session = Selectable<SessionsTable>;
export type IdempotencyKey = Selectable<IdempotencyKeysTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseUpdateRow = Updateable<CasesTable>;
export type Notification = Selectable<NotificationsTable>;
export type SettingVersion = Selectable<SettingsTable>;
export type AgentLoadEvent = Selectable<AgentLoadEventsTable>;
export type AgentCooldown = Selectable<AgentCooldownsTable>;
export type Reflection = Selectable<ReflectionsTable>;
export type PromiseRow = Selectable<PromisesTable>;
export type EscalationRuleSetRow = Selectable<EscalationRuleSetsTable>;
export type EscalationRow = Selectable<EscalationsTable>;
export type Acknowledgment = Selectable<AcknowledgmentsTable>;
export type Followup = Selectable<FollowupsTable>;
